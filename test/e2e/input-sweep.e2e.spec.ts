import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { CLUSTER, orgId, person } from '../support/people';
import { createNomination } from '../support/story';

jest.setTimeout(180_000);

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  allOf?: Schema[];
  example?: unknown;
  nullable?: boolean;
};

interface Operation {
  method: string;
  path: string;
  body: Schema;
}

/**
 * Every operation that takes a JSON body receives, from each role allowed anywhere near it, bodies that are the
 * right shape but for one thing: a property missing, null, an empty array or object, a string, a number, at every
 * depth; and bodies that are not objects at all. Whatever the service thinks of them, it never answers 5xx, and
 * every refusal is in the error envelope. A missing nested object (a policy without `rules`) answered 500.
 */
describe('degenerate bodies for every operation', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };
  let callers: Record<string, Http>;
  let params: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    const officer = await person(t, 'sweep.officer', 'NOMINATOR', 'PROVINCE-36');
    callers = {
      admin: await person(t, 'sweep.admin', 'ADMIN', 'MOHA'),
      leader: await person(t, 'sweep.leader', 'CLUSTER_LEADER', 'PROVINCE-34'),
      officer,
    };
    params = {
      nominations: await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: 'PROVINCE-36' }),
      organizations: orgId('PROVINCE-36'),
      clusters: CLUSTER,
      users: officer.userId,
      year: '2023',
      code: 'PM_CERTIFICATE',
      date: '2026-09-02',
      organizationId: orgId('PROVINCE-36'),
    };
    const res = await fetch(`${t.url}/docs/openapi.json`);
    doc = (await res.json()) as typeof doc;
  });
  afterAll(async () => {
    await t?.close();
  });

  const resolve = (schema: Schema | undefined): Schema => {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 10; i++) s = doc.components.schemas[s.$ref.split('/').pop()!] ?? {};
    return s.allOf?.[0] ? resolve(s.allOf[0]) : s.oneOf?.[0] ? resolve(s.oneOf[0]) : s;
  };

  /** A value of the schema's shape: every property present, with a plausible value. */
  const skeleton = (schema: Schema, depth = 0): unknown => {
    const s = resolve(schema);
    if (s.example !== undefined) return s.example;
    if (s.enum) return s.enum[0];
    if (s.type === 'object' || s.properties) {
      if (depth > 4) return {};
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, skeleton(v, depth + 1)]),
      );
    }
    if (s.type === 'array') return depth > 4 ? [] : [skeleton(s.items ?? {}, depth + 1)];
    if (s.type === 'integer' || s.type === 'number') return 1;
    if (s.type === 'boolean') return true;
    return 'x';
  };

  /** Every path to a property of `value`, to a depth of four. */
  const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
    if (prefix.length >= 4 || value === null || typeof value !== 'object') return [];
    const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return keys.flatMap((k) => [
      [...prefix, k],
      ...paths((value as Record<string, unknown>)[k as string], [...prefix, k]),
    ]);
  };

  const withValue = (value: unknown, path: (string | number)[], replacement: unknown | typeof REMOVE) => {
    const copy = structuredClone(value) as Record<string | number, unknown>;
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (replacement === REMOVE) {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete node[last];
    } else node[last] = replacement;
    return copy;
  };
  const REMOVE = Symbol('remove');

  const operations = (): Operation[] =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.requestBody?.content?.['application/json'])
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          body: op.requestBody.content['application/json'].schema as Schema,
        })),
    );

  const concretePath = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'id') return params[path.split('/')[1]] ?? randomUUID();
      return params[name] ?? randomUUID();
    });

  it('never answers 5xx and always refuses in the envelope', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(15);
    const problems: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const base = skeleton(op.body);
      const bodies: unknown[] = [[], null, 'x', 1, true, {}, base];
      for (const p of paths(base)) {
        for (const replacement of [REMOVE, null, [], {}, '', 'x', -1, 1e300, true, [null]])
          bodies.push(withValue(base, p, replacement));
      }
      const url = concretePath(op.path);
      for (const [role, caller] of Object.entries(callers)) {
        for (const body of bodies) {
          const res = await caller.request(op.method, url, JSON.stringify(body), {
            'content-type': 'application/json',
          });
          sent++;
          const what = `${role} ${op.method} ${op.path} ${JSON.stringify(body).slice(0, 200)}`;
          if (res.status >= 500) problems.push(`${what} → ${res.status} ${JSON.stringify(res.body)}`);
          else if (
            res.status >= 400 &&
            (typeof res.body?.error?.code !== 'string' || typeof res.body?.error?.requestId !== 'string')
          )
            problems.push(`${what} → ${res.status} without the envelope: ${JSON.stringify(res.body)}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });
});
