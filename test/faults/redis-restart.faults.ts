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
    stack = await startStack({ apis: 1, workers: 1 });
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
        supplementDueMs: 4000,
      }),
    );
    let faults = 0;
    for (let k = 0; k < scale(2, 1); k++) {
      if (!(await load.progressed(scale(40, 25)))) break;
      await stack.redis.restartEmpty(1500);
      faults++;
    }
    await load.ended;
    const violations = await finish(stack, 'redis-restart-empty', faults, started);
    expect(violations).toEqual([]);
  });
});
