import { escapeLiteral } from 'pg';
import { inlineParameters, quoteLiteral } from '../../../src/database/one-trip-begin';

describe("writing a statement's parameters in as literals", () => {
  it('writes each value as the text pg would send, quoted, and NULL for null', () => {
    const inlined = inlineParameters(`SELECT $1, $2, $3, $4, $5, $6`, [
      "o'hara",
      42,
      new Date('2026-01-02T03:04:05.000Z'),
      { a: "it's" },
      ['a', 'b'],
      null,
    ]);
    expect(inlined).toMatch(
      /^SELECT 'o''hara', '42', '2026-01-0\dT\d\d:04:05\.000[+-]\d\d:\d\d', '\{"a":"it''s"\}', '\{"a","b"\}', NULL$/,
    );
  });

  it('leaves placeholders inside strings, quoted names and comments alone, and $10 is not $1', () => {
    const params = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(inlineParameters(`SELECT '$1', "$2", $10 -- $3\n, $1 /* $4 */, $$ $5 $$`, params)).toBe(
      `SELECT '$1', "$2", 'v10' -- $3\n, 'v1' /* $4 */, $$ $5 $$`,
    );
  });

  it('escapes backslashes as an E string, so that a value cannot end its literal', () => {
    expect(inlineParameters(`SELECT $1`, [`\\'; DROP TABLE t; --`])).toBe(
      `SELECT  E'\\\\''; DROP TABLE t; --'`,
    );
  });

  it("quotes a string exactly as pg's escapeLiteral does, whatever quotes, backslashes and characters it holds", () => {
    const alphabet = ["'", '\\', '"', 'a', 'ế', '$', '\n', ';', ' ', 'E', '😀'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const samples = ['', "'", '\\', "\\'", "''", 'plain', 'Hồ sơ thiếu bản tóm tắt'];
    for (let i = 0; i < 2000; i++) {
      samples.push(Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join(''));
    }
    for (const sample of samples) expect(quoteLiteral(sample)).toBe(escapeLiteral(sample));
  });

  it('refuses binary values and placeholders without a value', () => {
    expect(inlineParameters(`SELECT $1`, [Buffer.from('x')])).toBeNull();
    expect(inlineParameters(`SELECT $2`, ['a'])).toBeNull();
  });

  it('leaves a value with a NUL to the extended protocol: in simple-protocol text it would be a protocol error', () => {
    expect(inlineParameters(`SELECT $1`, ['A\u0000'])).toBeNull();
    expect(inlineParameters(`SELECT $1`, ['A'])).toBe(`SELECT 'A'`);
  });

  it('does not rewrite quoting it cannot read: E strings, tagged dollar quotes, a $ inside a name', () => {
    expect(inlineParameters(`SELECT E'\\' $1 '`, ['x'])).toBeNull();
    expect(inlineParameters(`SELECT $q$ $1 $q$, $1`, ['x'])).toBeNull();
    expect(inlineParameters(`SELECT col$1 FROM t WHERE a = $1`, ['x'])).toBeNull();
  });
});
