import fc from 'fast-check';
import { createHash, randomUUID } from 'node:crypto';
import { rawExchange, type RawExchange, rawRequest } from '../support/raw-http';
import { query } from './support/processes';
import { saveLogs, startStack, type Stack } from './support/stack';
import { recordScenario, scale } from './support/summary';
import { type Answer, call, mintToken, seedUser, submittedNomination, type User } from './support/world';

/**
 * Hostile requests generated with fast-check from the OpenAPI document the application serves: every operation,
 * with wrong types, huge and unicode values (lone surrogates), injection strings, keys such as `__proto__`, path
 * tricks, over-long URLs and headers, HTTP that is not well-formed (over a raw connection), and forged, unsigned or
 * expired tokens. Never a 5xx, never a reset for a request that was sent in full, every refusal in the error
 * envelope, never a state change (a digest of the tables before and after), and never a leak of one province's
 * nomination to a user of another.
 */

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: { name: string; schema: Schema }[];
  body?: Schema;
  multipart: boolean;
}
type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  allOf?: Schema[];
  required?: string[];
};

const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE workflow_history; --",
  '"; SELECT pg_sleep(5); --',
  '${7*7}{{7*7}}<%= 7*7 %>',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\uFEFF\u202E\u200B',
  'Thái Bình 🎖️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \uD800',
  '__proto__',
  'constructor',
  '{"$where":"1"}',
  'null',
  '-1',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a'.repeat(10_000),
];

/** Operations on the caller's own inbox and sessions (see their use below). */
const SELF_SERVICE = new Set([
  'POST /notifications/read-all',
  'POST /notifications/{id}/read',
  'POST /auth/logout',
  'POST /me/password',
  'POST /me/sessions/revocation',
  'DELETE /me/sessions/{id}',
]);

/** Requests that Node's HTTP parser refuses, sent as bytes over a raw connection. */
const MALFORMED_HTTP = [
  'GARBAGE\r\n\r\n',
  'BREW / HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /health HTTP/9.9\r\nHost: x\r\n\r\n',
  'GET /health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n',
  'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
  'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  'POST /nominations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n',
  'GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET /health HTTP/1.1\r\nHost: x\r\nX-\x7f: 1\r\n\r\n',
];

/** Keys that name an object's machinery, written into the JSON text (an object literal would not keep them). */
const MACHINERY_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Tables whose content a refused request must leave as it was (login attempts are recorded on purpose). */
const DIGEST_TABLES = [
  'workflow_instances',
  'workflow_history',
  'workflow_outbox',
  'workflow_timers',
  'nominations',
  'nomination_documents',
  'notifications',
  'notification_deliveries',
  'idempotency_keys',
  'users',
  'organizations',
  'cluster_memberships',
  'award_types',
  'award_policies',
  'calendar_days',
  'voting_sessions',
  'webhooks',
];

/**
 * Columns a valid token may change whatever the rest of the request: a user marking their own notifications read
 * (`POST /notifications/read-all` takes no body, so any body is accepted).
 */
const LEGITIMATE_CHANGES: Record<string, string[]> = { notifications: ['read_at'] };

async function digest(dbUrl: string): Promise<Record<string, string>> {
  const present = new Set(
    (
      await query<{ table_name: string }>(
        dbUrl,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      )
    ).map((r) => r.table_name),
  );
  const out: Record<string, string> = {};
  for (const table of DIGEST_TABLES.filter((t) => present.has(t))) {
    const rows = await query<{ r: string }>(
      dbUrl,
      `SELECT (to_jsonb(t) - $1::text[])::text AS r FROM ${table} t ORDER BY 1`,
      [LEGITIMATE_CHANGES[table] ?? []],
    );
    out[table] = createHash('sha256')
      .update(rows.map((r) => r.r).join('\n'))
      .digest('hex')
      .slice(0, 16);
  }
  return out;
}

/** encodeURIComponent, or the raw UTF-8 bytes for a string it refuses (a lone surrogate). */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

function operations(doc: { paths: Record<string, Record<string, any>>; components?: any }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = (op.parameters ?? []) as { name: string; in: string; schema?: Schema }[];
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

describe('fault: hostile input generated from the OpenAPI document', () => {
  let stack: Stack;
  const started = Date.now();
  let doc: any;
  let a: { officer: User; approver: User; nomination: string; spare: User };
  let b: { officer: User; nomination: string; markers: string[] };

  beforeAll(async () => {
    stack = await startStack({ apis: 1, workers: 1 });
    const base = stack.apis[0].url;
    // Province A (Nam Định) and province B (Thái Bình), each with a submitted nomination.
    const make = (officer: User, marker: string) => submittedNomination(base, officer, `Nguyễn ${marker}`);
    const markerB = `BMARK${randomUUID().slice(0, 8)}`;
    const officerB = await seedUser(stack.dbUrl, 'officer.b', 'NOMINATOR', 'PROVINCE-34');
    b = { officer: officerB, nomination: await make(officerB, markerB), markers: [markerB] };
    a = {
      officer: stack.cast.officer,
      approver: stack.cast.approver,
      nomination: await make(stack.cast.officer, `AMARK${randomUUID().slice(0, 8)}`),
      spare: await seedUser(stack.dbUrl, 'officer.spare', 'NOMINATOR', 'PROVINCE-36'),
    };
    const res = await call(base, 'GET', '/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
    // Let the worker deliver the submissions' notifications before the digest is taken.
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await query<{ n: number }>(
        stack.dbUrl,
        `SELECT count(*)::int AS n FROM workflow_outbox WHERE status = 'pending'`,
      );
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('never answers 5xx, changes nothing and leaks nothing across provinces', async () => {
    // The inbox stream is server-sent events: it answers 200 and stays open (its own e2e test reads it).
    const ops = operations(doc).filter((o) => o.path !== '/notifications/stream');
    expect(ops.length).toBeGreaterThan(20);
    const before = await digest(stack.dbUrl);
    const base = stack.apis[0].url;
    const resolve = (schema: Schema | undefined): Schema => {
      let s = schema ?? {};
      for (let i = 0; s.$ref && i < 5; i++) s = doc.components.schemas[s.$ref.split('/').pop()!] ?? {};
      return s;
    };

    const hostileString = fc.oneof(
      fc.constantFrom(...HOSTILE_STRINGS),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
    );
    const junk: fc.Arbitrary<unknown> = fc.oneof(
      hostileString,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(hostileString, { maxLength: 5 }),
      fc.dictionary(hostileString, hostileString, { maxKeys: 5 }),
      fc.constant({ __proto__: { admin: true }, constructor: { prototype: { polluted: 1 } } }),
    );
    /** A value for a schema: mostly the wrong type, or a hostile one of the right type. */
    const valueFor = (schema: Schema, depth = 0): fc.Arbitrary<unknown> => {
      const s = resolve(schema.oneOf?.[0] ?? schema.allOf?.[0] ?? schema);
      if (depth > 2) return junk;
      if (s.type === 'object' || s.properties) {
        const props = Object.entries(s.properties ?? {});
        return fc.record(
          Object.fromEntries(props.map(([k, v]) => [k, fc.oneof(junk, valueFor(v, depth + 1))])),
          { requiredKeys: [] },
        );
      }
      if (s.type === 'array')
        return fc.oneof(junk, fc.array(valueFor(s.items ?? {}, depth + 1), { maxLength: 30 }));
      if (s.enum) return fc.oneof(junk, fc.constantFrom(...s.enum), hostileString);
      if (s.type === 'integer' || s.type === 'number')
        return fc.oneof(junk, fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, 1e308, -1e308, 0.5));
      return fc.oneof(junk, hostileString);
    };
    const pathValue = fc.oneof(
      fc.constant(b.nomination),
      fc.uuid(),
      fc.constantFrom(...HOSTILE_STRINGS.slice(0, 20)),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      fc.constantFrom('..', '.', '%2e%2e', '..%2f..%2fadmin', '%252e', '2024', '99999999999999999999'),
    );
    const tokenKind = fc.constantFrom(
      'none',
      'forged',
      'algNone',
      'expired',
      'garbage',
      'wrongIssuer',
      'validA',
      'validA',
      'approverA',
    );
    const tokenFor = (kind: string): string | undefined => {
      const claims = {
        sub: a.officer.id,
        sid: a.officer.sessionId,
        email: a.officer.email,
        role: 'ADMIN',
        org: a.officer.org,
        locale: 'vi',
      };
      switch (kind) {
        case 'forged':
          return mintToken(claims, { secret: 'another-secret-another-secret-another-0000' });
        case 'algNone':
          return mintToken(claims, { alg: 'none' });
        case 'expired':
          return mintToken({ ...claims, role: 'NOMINATOR' }, { expiresIn: -60 });
        case 'wrongIssuer':
          return mintToken({ ...claims, iss: 'someone-else' });
        case 'garbage':
          return 'eyJhbGciOiJIUzI1NiJ9.e30.' + 'x'.repeat(50);
        case 'validA':
          return a.officer.token;
        case 'approverA':
          return a.approver.token;
        default:
          return undefined;
      }
    };
    const request = fc.record({
      op: fc.constantFrom(...ops),
      token: tokenKind,
      pathValues: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
      queryValues: fc.array(fc.oneof(hostileString, fc.integer().map(String)), {
        minLength: 6,
        maxLength: 6,
      }),
      bodyKind: fc.constantFrom(
        'schema',
        'schema',
        'junk',
        'invalidJson',
        'huge',
        'wrongType',
        'deep',
        'loneSurrogate',
        'machineryKey',
      ),
      // Mostly fetch; sometimes bytes over a raw connection that fetch cannot send.
      raw: fc.constantFrom(
        'none',
        'none',
        'none',
        'none',
        'none',
        'none',
        'malformed',
        'longHeader',
        'longRequestLine',
        'hugeDeclared',
      ),
      headers: fc.record(
        {
          'if-match': fc.oneof(hostileString, fc.constantFrom('"1"', 'W/"2"', '*', '"999999999"')),
          'idempotency-key': fc.oneof(hostileString, fc.uuid()),
          'x-request-id': hostileString,
          'accept-language': hostileString,
        },
        { requiredKeys: [] },
      ),
      seed: fc.integer(),
    });

    const n = scale(5000, 400);
    const violations: string[] = [];
    const statuses: Record<string, number> = {};
    let checked = 0;
    let sent = 0;
    const slow: string[] = [];
    /** Bytes over a raw connection: the whole request is written before the answer is read. */
    const sendRaw = async (r: any, op: Operation, path: string, token?: string): Promise<Answer> => {
      const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      let request: Buffer | string;
      if (r.raw === 'malformed') request = MALFORMED_HTTP[Math.abs(r.seed) % MALFORMED_HTTP.length];
      else if (r.raw === 'longHeader')
        request = rawRequest('GET', path, { ...auth, 'x-pad': 'a'.repeat(40_000) });
      else if (r.raw === 'longRequestLine')
        request = rawRequest(op.method, `${path}?${'a'.repeat(20_000)}`, auth);
      else {
        const body = JSON.stringify({ summary: 'x'.repeat(2 * 1024 * 1024) });
        request = rawRequest(
          op.method === 'GET' ? 'POST' : op.method,
          path,
          { ...auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          body,
        );
      }
      const exchange: RawExchange = await rawExchange(base, [request]);
      const [res] = exchange.responses;
      if (!res || exchange.error || !exchange.sentAll)
        return {
          status: 0,
          body: `raw ${r.raw}: ${exchange.error ?? 'no answer'} (sent all: ${exchange.sentAll})`,
        };
      return { status: res.status, body: res.body, headers: new Headers(res.headers) };
    };

    const effectivePaths = new WeakMap<object, string>();
    const sendOne = async (r: any, body: unknown): Promise<Answer> => {
      const op = r.op as Operation;
      let path = op.path;
      op.pathParams.forEach((p, i) => {
        path = path.replace(`{${p}}`, enc(String(r.pathValues[i % 4])));
      });
      // A few raw path tricks, not encoded.
      if (r.seed % 17 === 0) path = path.replace(/\/[^/]+$/, '/../../etc/passwd');
      if (r.seed % 19 === 0) path = `/${path}//.`;
      let q = op.queryParams.map((p, i) => `${enc(p.name)}=${enc(String(r.queryValues[i % 6]))}`).join('&');
      // Now and then a URL longer than the service serves, or a query key naming an object's machinery.
      if (r.seed % 23 === 0) q = `${q}${q ? '&' : ''}pad=${'a'.repeat(9000)}`;
      if (r.seed % 29 === 0) q = `${q}${q ? '&' : ''}${MACHINERY_KEYS[Math.abs(r.seed) % 3]}=1`;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers as Record<string, string>)) {
        // Header values must be ByteStrings for fetch: keep the hostile ones that are.
        if (/^[\x20-\x7e]*$/.test(v) && v.length < 4000) headers[k] = v;
      }
      let payload: unknown = undefined;
      if (op.method !== 'GET') {
        if (r.bodyKind === 'invalidJson') {
          payload = '{"type": "SUBMIT", ';
          headers['content-type'] = 'application/json';
        } else if (r.bodyKind === 'huge') {
          payload = JSON.stringify({ summary: 'x'.repeat(2 * 1024 * 1024) });
          headers['content-type'] = 'application/json';
        } else if (r.bodyKind === 'wrongType') {
          payload = '<xml>1</xml>';
          headers['content-type'] = 'application/xml';
        } else if (r.bodyKind === 'deep') {
          payload = `${'{"a":'.repeat(5000)}{}${'}'.repeat(5000)}`;
          headers['content-type'] = 'application/json';
        } else if (r.bodyKind === 'loneSurrogate') {
          // The first string of the body (or a new one) gets half of a surrogate pair, as a JSON escape.
          const value: Record<string, unknown> =
            body && typeof body === 'object' && !Array.isArray(body) ? { ...body } : {};
          const key = Object.keys(value).find((k) => typeof value[k] === 'string') ?? 'note';
          value[key] = `a${r.seed % 2 === 0 ? '\ud800' : '\udfff'}b`;
          payload = JSON.stringify(value);
          headers['content-type'] = 'application/json';
        } else if (r.bodyKind === 'machineryKey') {
          const text = JSON.stringify(body && typeof body === 'object' && !Array.isArray(body) ? body : {});
          const key = MACHINERY_KEYS[Math.abs(r.seed) % MACHINERY_KEYS.length];
          payload = `{"${key}":{"admin":true,"polluted":1}${text.length > 2 ? `,${text.slice(1)}` : '}'}`;
          headers['content-type'] = 'application/json';
        } else payload = body ?? {};
      }
      if (op.multipart && r.seed % 3 === 0) {
        const form = new FormData();
        form.append('kind', String(r.queryValues[0]));
        form.append(
          'file',
          new Blob([new Uint8Array(Buffer.from(String(r.queryValues[1])))]),
          String(r.queryValues[2]),
        );
        payload = form;
      }
      // What a signed-in user may rightly do to their own inbox or sessions (mark read, sign out) is done with a
      // spare account of province A: it changes nothing the digest covers, and A's tokens stay valid to the end.
      const selfService =
        SELF_SERVICE.has(`${op.method} ${op.path}`) && ['validA', 'approverA'].includes(r.token);
      const token = selfService ? a.spare.token : tokenFor(r.token);
      if (r.raw !== 'none') return sendRaw(r, op, path, token);
      // fetch resolves `..` segments (also written %2e%2e): the request may reach another route than the operation's.
      effectivePaths.set(r, new URL(`${path}${q ? `?${q}` : ''}`, base).pathname);
      return call(base, op.method, `${path}${q ? `?${q}` : ''}`, {
        token,
        body: payload,
        headers,
        timeoutMs: 30_000,
      });
    };

    await fc.assert(
      fc.asyncProperty(
        request.chain((r) => valueFor((r.op as Operation).body ?? {}).map((body) => ({ r, body }))),
        async ({ r, body }) => {
          const t0 = Date.now();
          const answer = await sendOne(r, body);
          const ms = Date.now() - t0;
          if (ms > 300)
            slow.push(`${r.op.method} ${r.op.path} ${r.token} ${r.bodyKind} ${answer.status} ${ms}ms`);
          sent++;
          stack.ledger.record(`${r.op.method} ${r.op.path}`, answer);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          checked += 2;
          const what = `${r.op.method} ${r.op.path} (token ${r.token}, body ${r.bodyKind}, raw ${r.raw})`;
          if (answer.status >= 500 || answer.status === 0)
            violations.push(
              `${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
            );
          // Every refusal in the error envelope, with the request id the answer carries.
          if (answer.status >= 400) {
            checked++;
            const error = answer.body?.error;
            if (
              typeof error?.code !== 'string' ||
              typeof error?.message !== 'string' ||
              typeof error?.requestId !== 'string' ||
              error.requestId !== answer.headers?.get('x-request-id')
            )
              violations.push(
                `${what} answered ${answer.status} outside the envelope: ${JSON.stringify(answer.body).slice(0, 300)}`,
              );
          }
          if (r.token === 'validA' || r.token === 'approverA') {
            const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
            for (const marker of b.markers)
              if (text.includes(marker))
                violations.push(`${what} showed province B's nomination to province A`);
          }
          if (['forged', 'algNone', 'expired', 'garbage', 'wrongIssuer'].includes(r.token)) {
            checked++;
            const reached = effectivePaths.get(r) ?? r.op.path;
            const publicRoute =
              /^\/(health|metrics|auth\/login|auth\/password-reset|docs)/.test(r.op.path) ||
              reached === '/' ||
              /^\/(health|metrics|auth\/login|auth\/password-reset|docs|app|assets)(\/|$)/.test(reached);
            if (!publicRoute && answer.status >= 200 && answer.status < 300)
              violations.push(`${what} accepted a ${r.token} token (${answer.status})`);
          }
        },
      ),
      { numRuns: n, seed: 20261126, endOnFailure: true },
    );
    const after = await digest(stack.dbUrl);
    for (const table of Object.keys(before)) {
      checked++;
      if (before[table] !== after[table]) violations.push(`table ${table} changed under hostile input`);
    }
    if (violations.length > 0) saveLogs(stack, 'hostile-input');
    recordScenario({
      scenario: 'hostile-input',
      requests: stack.ledger.requests,
      faults: sent,
      invariantsChecked: checked,
      violations: violations.length,
      violationList: violations,
      seconds: Math.round((Date.now() - started) / 1000),
      details: { operations: ops.length, statuses, slow: slow.slice(0, 20) },
    });
    expect(violations).toEqual([]);
  });
});
