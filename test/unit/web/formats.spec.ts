import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
} from '../../../src/web/views/components.view';
import { percentText, shareOf } from '../../../src/web/policy-form';
import { asForm, numeric, percentShare, typedToIso } from '../../../src/web/web-form';

describe('Vietnamese conventions on the pages', () => {
  it('writes dates dd/mm/yyyy and times HH:mm in Vietnam time, in both languages', () => {
    expect(formatDate('2024-03-13', 'vi')).toBe('13/03/2024');
    expect(formatDate('2024-03-13', 'en')).toBe('13/03/2024');
    // 20:30 UTC on 12 March is 03:30 on 13 March in Hanoi.
    expect(formatDate(new Date('2024-03-12T20:30:00Z'), 'vi')).toBe('13/03/2024');
    expect(formatDateTime('2024-03-12T20:30:00Z', 'vi')).toBe('13/03/2024 03:30');
    expect(formatDateTime('2026-02-26T16:59:59.999Z', 'en')).toBe('26/02/2026 23:59');
    expect(formatDate(null, 'vi')).toBe('');
    expect(formatDateTime('not a date', 'vi')).toBe('');
  });

  it('writes numbers and shares with the decimal comma in Vietnamese', () => {
    expect(formatPercent(2 / 3, 'vi')).toBe('66,7 %');
    expect(formatPercent(2 / 3, 'en')).toBe('66.7 %');
    expect(formatNumber(1234.5, 2, 'vi')).toBe('1.234,50');
    expect(formatNumber(89, 2, 'en')).toBe('89.00');
  });
});

describe('what people type in the forms', () => {
  it('reads dates dd/mm/yyyy (and HH:mm) in the date fields only', () => {
    expect(typedToIso('nominee.birthDate', '19/5/1978')).toBe('1978-05-19');
    expect(typedToIso('effectiveFrom', ' 01/07/2025 ')).toBe('2025-07-01');
    expect(typedToIso('closesAt', '13/03/2024 9:05')).toBe('2024-03-13T09:05');
    expect(typedToIso('startsAt', '8:30')).toBe('08:30');
    // A date typed in the API's order stays; a date in a text field stays as typed.
    expect(typedToIso('effectiveFrom', '2025-07-01')).toBe('2025-07-01');
    expect(typedToIso('WITHDRAW.reason', '19/05/1978')).toBe('19/05/1978');
    expect(typedToIso('closesAt', '13/03/2024')).toBe('13/03/2024');
    expect(asForm({ 'PM_DECIDED.decisionDate': '14/10/2024', summary: '1/2/2024' })).toEqual({
      'PM_DECIDED.decisionDate': '2024-10-14',
      summary: '1/2/2024',
    });
  });

  it('reads numbers with a decimal comma, and percentages as shares that read back exactly', () => {
    expect(numeric('60,5')).toBe(60.5);
    expect(numeric('60.5')).toBe(60.5);
    expect(numeric('nhiều')).toBe('nhiều');
    expect(percentShare('66,7')).toBe(0.667);
    expect(percentShare('66,7 %')).toBe(0.667);
    expect(percentShare('70')).toBe(0.7);
    expect(percentShare('bảy mươi')).toBe('bảy mươi');
    for (const share of [0, 0.05, 0.2, 0.5, 2 / 3, 0.75, 0.8, 1, 0.123456789]) {
      expect([share, shareOf(percentText(share))]).toEqual([share, share]);
    }
    expect(percentText(2 / 3)).toBe('66,66666666666666');
    expect(percentText(0.05)).toBe('5');
    expect(shareOf('150')).toBe(1.5);
    expect(shareOf('x')).toBe('x');
  });

  it('reads a percentage without backtracking: a field of a million spaces is refused at once, not after minutes', () => {
    // A pattern like /\s*%$/ needs a number of steps that grows with the square of a run of spaces: here about
    // 10^12, so the test would not end; the linear reading leaves the text as it is for validation to name.
    const hostile = `x${' '.repeat(1_000_000)}y`;
    expect(percentShare(hostile)).toBe(hostile);
    expect(shareOf(hostile)).toBe(hostile);
    expect(percentShare(' 12,5 % ')).toBe(0.125);
    expect(shareOf(' 12,5 % ')).toBe(0.125);
  });
});
