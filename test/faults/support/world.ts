import { createHmac, randomUUID } from 'node:crypto';
import { referenceId } from '../../../migrations/1764150000001-reference-data';
import { demoPdf } from '../../../src/seed/demo-pdf';
import { JWT_SECRET, query } from './processes';

export const orgId = (code: string) => referenceId('org', code);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 JWT as the API signs them (or, for the hostile tests, as an attacker would). */
export function mintToken(
  claims: Record<string, unknown>,
  options: { secret?: string; alg?: string; expiresIn?: number } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: options.alg ?? 'HS256', typ: 'JWT' });
  const payload = b64({ iat: now, exp: now + (options.expiresIn ?? 3600), iss: 'thidua', ...claims });
  if (options.alg === 'none') return `${header}.${payload}.`;
  const signature = createHmac('sha256', options.secret ?? JWT_SECRET)
    .update(`${header}.${payload}`)
    .digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export interface User {
  id: string;
  email: string;
  role: string;
  org: string;
  sessionId: string;
  token: string;
}

/**
 * Inserts a user and a session straight into the database (the suite signs its own tokens, so no password is
 * needed).
 */
export async function seedUser(dbUrl: string, name: string, role: string, orgCode: string): Promise<User> {
  const id = randomUUID();
  const email = `${name}.${id.slice(0, 8)}@faults.thidua.vn`;
  const org = orgId(orgCode);
  await query(
    dbUrl,
    `INSERT INTO users (id, email, password_hash, full_name, role, organization_id) VALUES ($1, $2, 'unused', $3, $4, $5)`,
    [id, email, name, role, org],
  );
  // A token is only as good as its server-side session.
  const sessionId = randomUUID();
  await query(
    dbUrl,
    `INSERT INTO auth_sessions (id, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`,
    [sessionId, id],
  );
  const token = mintToken({ sub: id, sid: sessionId });
  return { id, email, role, org, sessionId, token };
}

export interface Cast {
  officer: User;
  approver: User;
  board: User;
  admin: User;
}

/** The people of the direct route (National Emulation Fighter) in one province, and the centre. */
export async function seedCast(dbUrl: string, province = 'PROVINCE-36'): Promise<Cast> {
  return {
    officer: await seedUser(dbUrl, 'officer', 'NOMINATOR', province),
    approver: await seedUser(dbUrl, 'approver', 'PROVINCE_APPROVER', province),
    board: await seedUser(dbUrl, 'board', 'CENTRAL_APPRAISER', 'BOARD'),
    admin: await seedUser(dbUrl, 'admin', 'ADMIN', 'MOHA'),
  };
}

/**
 * The scenarios are about delivery and durability, not the award's standard: from today the National Emulation
 * Fighter's policy checks none, so that the load's nominees (new people, with no titles in the register) can be
 * submitted. The standards have their own tests.
 */
export async function withoutStandard(base: string, admin: User): Promise<void> {
  const current = await call(base, 'GET', '/award-types/NATIONAL_EMULATION_FIGHTER', { token: admin.token });
  if (current.status !== 200)
    throw new Error(`award type: ${current.status} ${JSON.stringify(current.body)}`);
  const { standard, ...rules } = current.body.policy.rules as Record<string, unknown>;
  if (standard === undefined) return;
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const added = await call(base, 'POST', '/award-types/NATIONAL_EMULATION_FIGHTER/policies', {
    token: admin.token,
    body: { effectiveFrom: today, source: 'Kiểm thử sự cố: không đối chiếu tiêu chuẩn', rules },
  });
  if (added.status !== 201) throw new Error(`policy: ${added.status} ${JSON.stringify(added.body)}`);
}

export interface Answer {
  status: number;
  body: any;
  headers?: Headers;
}

/** One HTTP request; a refused connection or a reset is status 0, never an exception. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: FormData | string | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (typeof options.body === 'string') body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.status, body: parsed, headers: res.headers };
  } catch (error) {
    return { status: 0, body: String((error as Error).message) };
  }
}

export const pdf = (text: string) => demoPdf(text);

/**
 * A nomination of `officer`'s unit created, given its dossier and submitted over HTTP: the starting point of the
 * scenarios that aim events or hostile requests at one nomination.
 */
export async function submittedNomination(base: string, officer: User, fullName: string): Promise<string> {
  const created = await call(base, 'POST', '/nominations', {
    token: officer.token,
    body: {
      awardType: 'NATIONAL_EMULATION_FIGHTER',
      year: 2024,
      nominee: {
        kind: 'individual',
        organizationId: officer.org,
        fullName,
        gender: 'female',
        position: 'Chuyên viên',
      },
      summary: `Thành tích của ${fullName}`,
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const kind of ['proposal', 'achievementReport']) {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([new Uint8Array(pdf(`${fullName} ${kind}`))]), `${kind}.pdf`);
    const up = await call(base, 'POST', `/nominations/${id}/documents`, { token: officer.token, body: form });
    expect(up.status).toBe(201);
  }
  const submitted = await call(base, 'POST', `/nominations/${id}/events`, {
    token: officer.token,
    body: { type: 'SUBMIT' },
  });
  expect(submitted.status).toBe(200);
  return id;
}

/** What a scenario remembers of its load: every answer, and each transition acknowledged with a 2xx. */
export class Ledger {
  requests = 0;
  statuses: Record<string, number> = {};
  /** Nomination id → the (version, event) pairs the API acknowledged. */
  acked = new Map<string, { version: number; event: string }[]>();
  nominations = new Set<string>();
  /** Answers that are never acceptable (5xx other than a 503 during a fault). */
  bad: { what: string; status: number; body: unknown }[] = [];
  /** Flows of the load that could not finish (each one a violation). */
  failedFlows: string[] = [];

  record(what: string, answer: Answer, allow503 = false): void {
    this.requests++;
    const key = String(answer.status);
    this.statuses[key] = (this.statuses[key] ?? 0) + 1;
    if (answer.status >= 500 && !(allow503 && answer.status === 503)) {
      this.bad.push({ what, status: answer.status, body: answer.body });
    }
    if (answer.status === 503 && !answer.headers?.get('retry-after')) {
      this.bad.push({ what: `${what} (503 without Retry-After)`, status: 503, body: answer.body });
    }
  }

  ack(id: string, version: number, event: string): void {
    this.nominations.add(id);
    const list = this.acked.get(id) ?? [];
    list.push({ version, event });
    this.acked.set(id, list);
  }

  get ackedTransitions(): number {
    let n = 0;
    for (const list of this.acked.values()) n += list.length;
    return n;
  }
}

export interface LoadOptions {
  /** The API base URLs; requests go round-robin. */
  apis: () => string[];
  cast: Cast;
  nominations: number;
  concurrency: number;
  ledger: Ledger;
  /** Whether a 503 is acceptable now (a backing service is down on purpose). */
  allow503?: () => boolean;
  /** Due date of the supplement requested at the end of each flow (ms from now): its timers must fire. */
  supplementDueMs?: number;
  /** Give up on a step after this long (the service never came back). */
  stepTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drives nominations of the direct route over HTTP: create, upload the dossier, SUBMIT, ACCEPT, FORWARD, then the
 * Board's REQUEST_SUPPLEMENT with a near due date (so that its reminder and deadline timers fire). Each command
 * carries an Idempotency-Key and is retried with it until it gets a final answer, so an answer lost with a killed
 * process is replayed, never applied twice.
 */
export async function runLoad(options: LoadOptions): Promise<void> {
  const { cast, ledger } = options;
  let rr = 0;
  const api = () => {
    const list = options.apis();
    return list[rr++ % list.length];
  };
  const stepTimeout = options.stepTimeoutMs ?? 120_000;

  /** Sends until the answer is final (not a network error or a 503); returns it. */
  async function persist(
    what: string,
    send: (base: string) => Promise<Answer>,
    final: (a: Answer) => boolean,
  ): Promise<Answer> {
    const deadline = Date.now() + stepTimeout;
    for (let attempt = 0; ; attempt++) {
      const answer = await send(api());
      ledger.record(what, answer, options.allow503?.() ?? false);
      if (final(answer)) return answer;
      if (Date.now() > deadline) throw new Error(`${what}: no final answer (last ${answer.status})`);
      await sleep(Math.min(1000, 50 * 2 ** Math.min(attempt, 5)));
    }
  }
  const settled = (a: Answer) => a.status !== 0 && a.status !== 503 && a.status !== 502;

  /**
   * Sends one event until it is answered. A payload given as a function is made afresh when the service refused the
   * last one as stale (`stale`): a due time that passed while the service was down. The 4xx proves nothing was
   * recorded under the old key, so the new payload goes under a new one.
   */
  async function event(
    id: string,
    who: User,
    type: string,
    payload?: Record<string, unknown> | (() => Record<string, unknown>),
    stale?: (a: Answer) => boolean,
  ) {
    for (;;) {
      const key = randomUUID();
      const body = typeof payload === 'function' ? payload() : payload;
      const answer = await persist(
        `${type} ${id}`,
        (base) =>
          call(base, 'POST', `/nominations/${id}/events`, {
            token: who.token,
            body: body ? { type, payload: body } : { type },
            headers: { 'idempotency-key': key },
          }),
        settled,
      );
      if (stale?.(answer)) continue;
      if (answer.status !== 200) {
        throw new Error(`${type} on ${id} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      }
      ledger.ack(id, answer.body.version as number, type);
      return;
    }
  }

  async function flow(i: number) {
    const key = randomUUID();
    const created = await persist(
      `create #${i}`,
      (base) =>
        call(base, 'POST', '/nominations', {
          token: cast.officer.token,
          headers: { 'idempotency-key': key },
          body: {
            awardType: 'NATIONAL_EMULATION_FIGHTER',
            year: 2024,
            nominee: {
              kind: 'individual',
              organizationId: cast.officer.org,
              fullName: `Nguyễn Văn ${i}-${key.slice(0, 6)}`,
              gender: i % 2 ? 'female' : 'male',
              position: 'Chuyên viên',
            },
            summary: `Hoàn thành xuất sắc nhiệm vụ (${i})`,
          },
        }),
      settled,
    );
    if (created.status !== 201) {
      throw new Error(`create #${i} answered ${created.status}: ${JSON.stringify(created.body)}`);
    }
    const id = created.body.id as string;
    ledger.ack(id, created.body.version as number, 'CREATE');
    for (const kind of ['proposal', 'achievementReport']) {
      const up = await persist(
        `upload ${kind} ${id}`,
        (base) => {
          const form = new FormData();
          form.append('kind', kind);
          form.append('file', new Blob([new Uint8Array(pdf(`${kind} ${i}`))]), `${kind}.pdf`);
          return call(base, 'POST', `/nominations/${id}/documents`, {
            token: cast.officer.token,
            body: form,
          });
        },
        settled,
      );
      if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${JSON.stringify(up.body)}`);
    }
    await event(id, cast.officer, 'SUBMIT');
    await event(id, cast.approver, 'ACCEPT');
    await event(id, cast.approver, 'FORWARD');
    await event(
      id,
      cast.board,
      'REQUEST_SUPPLEMENT',
      () => ({
        reason: 'Bổ sung hồ sơ',
        dueDate: new Date(Date.now() + (options.supplementDueMs ?? 3000)).toISOString(),
      }),
      (a) => a.status === 422 && a.body?.error?.code === 'NOMINATION.DUE_DATE_IN_PAST',
    );
  }

  let next = 0;
  const errors: Error[] = [];
  // A systematic failure stops the load instead of letting every flow fail the same way.
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.nominations) {
        const i = next++;
        try {
          await flow(i);
        } catch (error) {
          errors.push(error as Error);
          if (errors.length >= 3) next = options.nominations;
        }
      }
    }),
  );
  for (const error of errors) ledger.failedFlows.push(error.message);
}
