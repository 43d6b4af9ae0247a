import { eventually } from '../support/eventually';
import { query } from './support/processes';
import { finish, startStack, type Stack } from './support/stack';
import { scale } from './support/summary';
import { trackLoad } from './support/until';
import { runLoad } from './support/world';

/**
 * The scenario's own Redis (no persistence) is killed and started again empty during load: queued jobs and
 * delayed timer jobs are lost, and PostgreSQL's outbox and timer rows bring them back.
 */
describe('fault: Redis restarts empty during load', () => {
  let stack: Stack;
  const started = Date.now();

  beforeAll(async () => {
    // The periodic reconciliation is left at its default (a minute): the relay reconciles when Redis is back.
    stack = await startStack({ apis: 1, workers: 1, env: { RECONCILE_INTERVAL_MS: '60000' } });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('loses no effect and no timer', async () => {
    const load = trackLoad(
      stack,
      runLoad({
        apis: stack.apiUrls,
        cast: stack.cast,
        nominations: scale(60, 16),
        concurrency: 8,
        ledger: stack.ledger,
        supplementDueMs: 6000,
      }),
    );
    let faults = 0;
    let delayedLost = 0;
    for (let k = 0; k < scale(2, 1); k++) {
      if (!(await load.progressed(scale(40, 25)))) break;
      // Restart while timers wait in Redis as delayed jobs, so that the restart loses them.
      await eventually(async () => {
        const [{ n }] = await query<{ n: number }>(
          stack.dbUrl,
          `SELECT count(*)::int AS n FROM workflow_timers
            WHERE status = 'pending' AND enqueued_at IS NOT NULL AND due_at > now() + interval '2 seconds'`,
        );
        expect(n).toBeGreaterThanOrEqual(2);
      }, 60_000);
      const [{ n }] = await query<{ n: number }>(
        stack.dbUrl,
        `SELECT count(*)::int AS n FROM workflow_timers WHERE status = 'pending' AND enqueued_at IS NOT NULL`,
      );
      delayedLost += n;
      await stack.redis.restartEmpty(1500);
      faults++;
    }
    await load.ended;
    const violations = await finish(stack, 'redis-restart-empty', faults, started, {
      details: { delayedLost },
    });
    expect(violations).toEqual([]);
  });
});
