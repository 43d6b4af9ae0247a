import { eventually } from '../support/eventually';
import { finish, startStack, type Stack } from './support/stack';
import { scale } from './support/summary';
import { runLoad } from './support/world';

/** SIGKILL of the API process in the middle of load, then a restart: nothing acknowledged is lost. */
describe('fault: the API process is killed under load', () => {
  let stack: Stack;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({ apis: 1, workers: 1 });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('keeps every acknowledged transition, its history, effects and timers', async () => {
    const [api] = stack.apis;
    const kills = scale(3, 1);
    const load = runLoad({
      apis: stack.apiUrls,
      cast: stack.cast,
      nominations: scale(60, 16),
      concurrency: 8,
      ledger: stack.ledger,
    });
    let faults = 0;
    let loadDone = false;
    const loadEnded = load.finally(() => (loadDone = true));
    loadEnded.catch(() => undefined);
    for (let k = 0; k < kills; k++) {
      const target = stack.ledger.ackedTransitions + scale(25, 15);
      await eventually(
        () => expect(loadDone || stack.ledger.ackedTransitions >= target).toBe(true),
        120_000,
        20,
      );
      if (loadDone) break;
      await api.kill('SIGKILL');
      faults++;
      await new Promise((r) => setTimeout(r, 500));
      await api.start();
    }
    await load;
    const violations = await finish(stack, 'api-sigkill', faults, started);
    expect(violations).toEqual([]);
  });
});
