import { randomUUID } from 'node:crypto';
import { allInvariants } from './support/invariants';
import { query } from './support/processes';
import { saveLogs, startStack, type Stack } from './support/stack';
import { recordScenario, scale } from './support/summary';
import { call, submittedNomination, type User } from './support/world';

/**
 * A burst of concurrent, conflicting events on one nomination (different events, stale and current If-Match,
 * repeated Idempotency-Keys): exactly the legal ones apply, the others answer 409 or 412 (never 5xx), and the
 * history holds exactly the applied ones.
 */
describe('fault: a burst of concurrent conflicting events on one nomination', () => {
  let stack: Stack;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({ apis: 1, workers: 1 });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  const submitted = () =>
    submittedNomination(stack.apis[0].url, stack.cast.officer, `Trần Thị ${randomUUID().slice(0, 6)}`);

  it('applies exactly the legal events and refuses the rest with 409 or 412', async () => {
    const { officer, approver, board } = stack.cast;
    const id = await submitted();
    const [{ version: before }] = await query<{ version: number }>(
      stack.dbUrl,
      `SELECT version FROM workflow_instances WHERE id = $1`,
      [id],
    );
    const n = scale(500, 200);
    const menu: [User, string, Record<string, unknown> | undefined][] = [
      [approver, 'ACCEPT', undefined],
      [approver, 'RETURN', { reason: 'Thiếu chữ ký' }],
      [approver, 'FORWARD', undefined],
      [officer, 'RESUBMIT', undefined],
      [officer, 'WITHDRAW', { reason: 'Rút hồ sơ' }],
      [board, 'APPRAISAL_PASSED', undefined],
      [board, 'REQUEST_SUPPLEMENT', { reason: 'Bổ sung' }],
      [officer, 'SUPPLEMENT', undefined],
    ];
    // A few keys are used twice with the same body: the second answer is a replay, not a second transition.
    const sharedKeys = Array.from({ length: 10 }, () => randomUUID());
    const requests = Array.from({ length: n }, (_, i) => {
      const [who, type, payload] = menu[i % menu.length];
      const headers: Record<string, string> = {};
      if (i % 3 === 0) headers['if-match'] = `"${before}"`;
      if (i % 3 === 1) headers['if-match'] = `"${before + (i % 7)}"`;
      return { who, type, payload, headers };
    });
    // The first ten requests are sent twice with the same Idempotency-Key: the second answer is a replay (or
    // IDEMPOTENCY.IN_PROGRESS while the first runs), never a second transition.
    for (let i = 0; i < 10; i++) {
      requests[i].headers['idempotency-key'] = sharedKeys[i];
      requests[n - 1 - i] = { ...requests[i], headers: { ...requests[i].headers } };
    }
    const answers = await Promise.all(
      requests.map((r) =>
        call(stack.apis[0].url, 'POST', `/nominations/${id}/events`, {
          token: r.who.token,
          body: r.payload ? { type: r.type, payload: r.payload } : { type: r.type },
          headers: r.headers,
          timeoutMs: 120_000,
        }),
      ),
    );
    const violations: string[] = [];
    let checked = 0;
    const statuses: Record<string, number> = {};
    for (const [i, a] of answers.entries()) {
      stack.ledger.record(`${requests[i].type} #${i}`, a);
      statuses[a.status] = (statuses[a.status] ?? 0) + 1;
      checked++;
      if (![200, 409, 412].includes(a.status))
        violations.push(
          `${requests[i].type} #${i} answered ${a.status}: ${JSON.stringify(a.body).slice(0, 300)}`,
        );
    }
    const applied = answers.filter(
      (a) => a.status === 200 && a.headers?.get('idempotent-replayed') !== 'true',
    );
    const replayed = answers.filter(
      (a) => a.status === 200 && a.headers?.get('idempotent-replayed') === 'true',
    );
    const history = await query<{ seq: number; event_type: string; from_state: string; to_state: string }>(
      stack.dbUrl,
      `SELECT seq, event_type, from_state, to_state FROM workflow_history WHERE instance_id = $1 AND seq > $2 ORDER BY seq`,
      [id, before],
    );
    // The history holds exactly the applied events, each at the version its answer gave.
    checked++;
    if (history.length !== applied.length)
      violations.push(`${applied.length} events applied but ${history.length} new history rows`);
    const bySeq = new Map(history.map((h) => [h.seq, h]));
    for (const a of applied) {
      checked++;
      const h = bySeq.get(a.body.version as number);
      if (!h || h.to_state !== a.body.state)
        violations.push(`applied answer v${a.body.version} (${a.body.state}) has no matching history row`);
      else stack.ledger.ack(id, a.body.version as number, h.event_type);
    }
    // Each replay repeats an applied answer.
    for (const r of replayed) {
      checked++;
      if (!applied.some((a) => a.body.version === r.body.version))
        violations.push(`a replay answered v${r.body.version}, which no first answer had`);
    }
    // Refusals come from committed states: a 409 names a state the nomination was in, a 412 its real version.
    const states = new Set([history[0]?.from_state, ...history.map((h) => h.to_state)].filter(Boolean));
    if (history.length === 0) states.add('submitted');
    const finalVersion = before + history.length;
    for (const a of answers) {
      if (a.status === 409 && a.body?.error?.details?.state !== undefined) {
        checked++;
        if (!states.has(a.body.error.details.state))
          violations.push(`a 409 named state ${a.body.error.details.state}, which the nomination never had`);
      }
      if (a.status === 412) {
        checked++;
        const current = a.body?.error?.details?.currentVersion as number;
        if (!(current >= before && current <= finalVersion))
          violations.push(`a 412 named version ${current}, outside ${before}…${finalVersion}`);
      }
    }
    const result = await allInvariants(stack.dbUrl, stack.ledger, { settleMs: 30_000 });
    const all = [...violations, ...result.violations];
    recordScenario({
      scenario: 'conflicting-events-burst',
      requests: stack.ledger.requests,
      faults: n,
      invariantsChecked: checked + result.checked,
      violations: all.length,
      violationList: all,
      seconds: Math.round((Date.now() - started) / 1000),
      details: { concurrent: n, applied: applied.length, replayed: replayed.length, statuses },
    });
    if (all.length > 0) saveLogs(stack, 'conflicting-events-burst');
    expect(all).toEqual([]);
    expect(applied.length).toBeGreaterThanOrEqual(1);
  });
});
