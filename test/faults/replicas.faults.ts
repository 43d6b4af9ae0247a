import { finish, startStack, type Stack } from './support/stack';
import { scale } from './support/summary';
import { runLoad } from './support/world';

/** Two API and two worker processes on one PostgreSQL and one Redis: every loop is safe with replicas. */
describe('fault: two API and two worker processes share PostgreSQL and Redis', () => {
  let stack: Stack;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({ apis: 2, workers: 2 });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('applies, delivers and fires everything once', async () => {
    await runLoad({
      apis: stack.apiUrls,
      cast: stack.cast,
      nominations: scale(80, 16),
      concurrency: 10,
      ledger: stack.ledger,
    });
    const violations = await finish(stack, 'replicas-2-api-2-worker', 0, started);
    expect(violations).toEqual([]);
  });
});
