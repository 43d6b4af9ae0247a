import { startTestApp, type TestApp } from '../support/app';
import { Http } from '../support/http';
import { person } from '../support/people';

jest.setTimeout(60_000);

describe("errors in the caller's language", () => {
  let t: TestApp;
  let officer: Http;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
  });
  afterAll(async () => {
    await t?.close();
  });

  const samples: [string, (lang?: string) => Promise<{ status: number; body: any; headers: Headers }>][] = [
    [
      'AUTH.UNAUTHENTICATED',
      (lang) => new Http(t.url).get('/nominations', lang ? { 'accept-language': lang } : {}),
    ],
    [
      'NOMINATION.NOT_FOUND',
      (lang) =>
        officer.get(
          '/nominations/00000000-0000-4000-8000-000000000000',
          lang ? { 'accept-language': lang } : {},
        ),
    ],
    ['AUTH.FORBIDDEN', (lang) => officer.get('/users', lang ? { 'accept-language': lang } : {})],
  ];

  it.each(samples)('%s answers in Vietnamese by default and in English when asked', async (code, call) => {
    const vi = await call();
    const en = await call('en-US,en;q=0.9');
    const viExplicit = await call('vi-VN');
    expect(vi.body.error.code).toBe(code);
    expect(en.body.error.code).toBe(code);
    expect(vi.headers.get('content-language')).toBe('vi');
    expect(en.headers.get('content-language')).toBe('en');
    expect(vi.body.error.message).not.toBe(en.body.error.message);
    expect(viExplicit.body.error.message).toBe(vi.body.error.message);
    // Vietnamese text carries Vietnamese letters; the English one none.
    expect(vi.body.error.message).toMatch(
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i,
    );
    expect(en.body.error.message).toMatch(/^[\x20-\x7e’]+$/);
  });
});
