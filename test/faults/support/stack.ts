import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { allInvariants } from './invariants';
import { type AppProcess, spawnApp, startRedis, stopAll, type RedisServer } from './processes';
import { recordScenario, RESULTS_DIR } from './summary';

const LOGS_DIR = path.join(RESULTS_DIR, 'logs');
import { type Cast, Ledger, seedCast, withoutStandard } from './world';

export interface Stack {
  dbUrl: string;
  redis: RedisServer;
  apis: AppProcess[];
  workers: AppProcess[];
  cast: Cast;
  ledger: Ledger;
  env: Record<string, string>;
  /** The base URLs of the API processes that are running now. */
  apiUrls(): string[];
  teardown(): Promise<void>;
}

/**
 * The processes of a scenario: a fresh database cloned from the migrated template (or the given one), a Redis of
 * its own, and `apis` API and `workers` worker processes of the built application.
 */
export async function startStack(options: {
  apis?: number;
  workers?: number;
  dbUrl?: string;
  env?: Record<string, string>;
  /** BullMQ on the scenario's Redis (default) or on PostgreSQL (REDIS_URL unset, as the embedded default runs). */
  queue?: 'redis' | 'postgres';
}): Promise<Stack> {
  let database: TestDatabase | undefined;
  const dbUrl = options.dbUrl ?? (database = await createTestDatabase()).url;
  const redis = await startRedis();
  // Uploaded files go to a directory of the scenario's own, removed with it.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thidua-faults-data-'));
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl,
    ...(options.queue === 'postgres' ? {} : { REDIS_URL: redis.url }),
    QUEUE_PREFIX: `f${randomBytes(4).toString('hex')}`,
    DATABASE_POOL_SIZE: '20',
    ...options.env,
  };
  const apis: AppProcess[] = [];
  const workers: AppProcess[] = [];
  const stack: Stack = {
    dbUrl,
    redis,
    apis,
    workers,
    cast: undefined as unknown as Cast,
    ledger: new Ledger(),
    env,
    apiUrls: () => {
      const up = apis.filter((a) => a.running()).map((a) => a.url);
      return up.length > 0 ? up : apis.map((a) => a.url);
    },
    async teardown() {
      for (const p of [...apis, ...workers]) await p.kill('SIGKILL');
      await redis.stop();
      await stopAll();
      await database?.drop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    // The first process migrates (a no-op on a clone of the template) before the others start.
    for (let i = 0; i < (options.apis ?? 1); i++)
      apis.push(await spawnApp(`api${i + 1}`, { ...env, ROLE: 'api' }));
    for (let i = 0; i < (options.workers ?? 1); i++)
      workers.push(await spawnApp(`worker${i + 1}`, { ...env, ROLE: 'worker' }));
    stack.cast = await seedCast(dbUrl);
    await withoutStandard(apis[0].url, stack.cast.admin);
  } catch (error) {
    await stack.teardown();
    throw error;
  }
  return stack;
}

/** Keeps the processes' output of a failed scenario in `results/logs/` (not committed). */
export function saveLogs(stack: Stack, scenario: string): void {
  mkdirSync(LOGS_DIR, { recursive: true });
  for (const p of [...stack.apis, ...stack.workers])
    writeFileSync(path.join(LOGS_DIR, `${scenario}-${p.name}.log`), p.output());
}

/** Checks every invariant, records the scenario's counts and returns the violations (the test expects none). */
export async function finish(
  stack: Stack,
  scenario: string,
  faults: number,
  started: number,
  extra: { checked?: number; violations?: string[]; details?: Record<string, unknown> } = {},
): Promise<string[]> {
  const result = await allInvariants(stack.dbUrl, stack.ledger);
  const crashes = [...stack.apis, ...stack.workers].flatMap((p) =>
    p.crashes.map((c) => `${p.name} crashed (${c.code ?? c.signal}):\n${c.tail}`),
  );
  const violations = [...result.violations, ...crashes, ...(extra.violations ?? [])];
  if (violations.length > 0) saveLogs(stack, scenario);
  recordScenario({
    scenario,
    requests: stack.ledger.requests,
    faults,
    invariantsChecked: result.checked + (extra.checked ?? 0),
    violations: violations.length,
    violationList: violations,
    seconds: Math.round((Date.now() - started) / 1000),
    details: {
      nominations: stack.ledger.nominations.size,
      ackedTransitions: stack.ledger.ackedTransitions,
      notifyEffects: result.effects,
      timersFired: result.timers,
      statuses: stack.ledger.statuses,
      ...extra.details,
    },
  });
  return violations;
}
