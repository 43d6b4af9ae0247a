import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ERROR_MESSAGES, errorMessage, negotiateLocale } from '../../../src/common/error-messages';

const ROOT = path.join(__dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Every error code the code base can answer with: literal codes, and the ones built from a module's prefix. */
function codesInUse(): Set<string> {
  const codes = new Set<string>();
  for (const file of [...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'workflows'))]) {
    if (file.endsWith('error-messages.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'([A-Z][A-Z_]*\.[A-Z][A-Z_0-9]*)'/g)) codes.add(m[1]);
    for (const m of text.matchAll(/VotingErrors\.invalid\(\s*'([A-Z_]+)'/g)) codes.add(`VOTING.${m[1]}`);
  }
  return codes;
}

describe('the error catalogue', () => {
  it('has a Vietnamese and an English message for every code in use', () => {
    const used = codesInUse();
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((code) => !ERROR_MESSAGES[code]?.vi || !ERROR_MESSAGES[code]?.en);
    expect(missing).toEqual([]);
    for (const [code, entry] of Object.entries(ERROR_MESSAGES)) {
      for (const locale of ['vi', 'en'] as const) {
        const text = errorMessage(code, locale, {}, '');
        expect(`${code} ${locale}: ${text.length > 0}`).toBe(`${code} ${locale}: true`);
        void entry;
      }
    }
  });

  it('chooses the language from Accept-Language, Vietnamese by default', () => {
    expect(negotiateLocale(undefined)).toBe('vi');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr, en;q=0.5, vi;q=0.8')).toBe('vi');
    expect(negotiateLocale('vi;q=0, en')).toBe('en');
    expect(negotiateLocale('de')).toBe('vi');
    expect(negotiateLocale('*')).toBe('vi');
  });

  it('fills a message from the details, and falls back to the service message for an unknown code', () => {
    const ended = {
      organization: { nameVi: 'Thái Bình', nameEn: 'Thai Binh' },
      endedOn: '2025-06-30',
      successor: { nameVi: 'Hưng Yên', nameEn: 'Hung Yen' },
    };
    expect(errorMessage('ORGANIZATION.ENDED', 'vi', ended, 'x')).toContain(
      'Thái Bình đã sáp nhập vào Hưng Yên',
    );
    expect(errorMessage('ORGANIZATION.ENDED', 'en', ended, 'x')).toContain('merged into Hung Yen');
    expect(errorMessage('VOTING.NO_QUORUM', 'vi', { turnout: 4, required: 6 }, 'x')).toBe(
      'Mới có 4 đơn vị bỏ phiếu; cần ít nhất 6 để đóng phiên.',
    );
    expect(errorMessage('NOPE.UNKNOWN', 'vi', {}, 'the service said')).toBe('the service said');
  });
});
