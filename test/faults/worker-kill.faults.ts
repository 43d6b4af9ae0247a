import { query } from './support/processes';
import { finish, startStack, type Stack } from './support/stack';
import { scale } from './support/summary';
import { sleep, trackLoad } from './support/until';
import { runLoad } from './support/world';

/** SIGKILL of the worker in the middle of deliveries, then a restart: every effect reaches the inbox once. */
describe('fault: the worker is killed in the middle of deliveries', () => {
  let stack: Stack;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({ apis: 1, workers: 1 });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('delivers every notification exactly once and fires every timer once after the restart', async () => {
    const [worker] = stack.workers;
    const load = trackLoad(
      stack,
      runLoad({
        apis: stack.apiUrls,
        cast: stack.cast,
        nominations: scale(120, 16),
        concurrency: 8,
        ledger: stack.ledger,
      }),
    );
    let faults = 0;
    let midDelivery = 0;
    for (let k = 0; k < scale(3, 1); k++) {
      if (!(await load.progressed(scale(40, 20)))) break;
      const [{ pending, done }] = await query<{ pending: number; done: number }>(
        stack.dbUrl,
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE status = 'done')::int AS done FROM workflow_outbox`,
      );
      if (pending > 0 && done > 0) midDelivery++;
      await worker.kill('SIGKILL');
      faults++;
      await sleep(1500); // the API keeps committing meanwhile; the effects wait in the outbox
      await worker.start();
    }
    await load.ended;
    const violations = await finish(stack, 'worker-sigkill', faults, started, { details: { midDelivery } });
    expect(violations).toEqual([]);
  });
});
