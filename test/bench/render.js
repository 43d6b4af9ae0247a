'use strict';

/**
 * Turns a results file into tables: printed by the bench, and written into the README's Performance section
 * (between the bench markers). `node test/bench/render.js [results.json]` renders the README from a file.
 */

const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const f = (x, digits = 1) => (x === null || x === undefined ? '–' : Number(x).toFixed(digits));
const ms = (x) => (x === null || x === undefined ? '–' : `${f(x, 1)} ms`);
const count = (n) => Number(n).toLocaleString('en');
const ok = (pass) => (pass ? 'yes' : '**no**');

/** The goals and whether this run met them. */
function goals(r) {
  const out = [];
  const t = r.transitions?.external?.median;
  if (t) {
    out.push(['32 clients: HTTP transitions ≥ 0.5 × the SQL floor', f(t.ratio, 2), ok(t.ratio >= 0.5)]);
    if (t.p99Ratio !== undefined)
      out.push(["32 clients: HTTP p99 ≤ 2 × the floor's p99", `${f(t.p99Ratio, 2)} ×`, ok(t.p99Ratio <= 2)]);
    if (t.singleP50Ratio !== undefined)
      out.push([
        "1 client: HTTP p50 ≤ 3 × the floor's p50",
        `${f(t.singleP50Ratio, 2)} ×`,
        ok(t.singleP50Ratio <= 3),
      ]);
  }
  const e = r.transitions?.embedded?.median;
  if (t && e) {
    const slower = t.httpPerSecond / e.httpPerSecond;
    out.push([
      'Embedded within 1.5 × of PostgreSQL + Redis (HTTP /s)',
      `${f(slower, 2)} ×`,
      ok(slower <= 1.5),
    ]);
    if (e.drainSecondsMax !== undefined)
      out.push([
        'Embedded: notifications drained after every run (slowest drain < 10 s)',
        `${f(e.drainSecondsMax, 1)} s`,
        ok(e.drainSecondsMax < 10),
      ]);
  }
  const lag = r.notificationLag?.median;
  if (lag) {
    const runs = r.notificationLag.runs ?? [];
    const under = runs.filter((x) => x.lagP99 !== null && x.lagP99 < 500).length;
    out.push([
      `Notification lag p99 < 500 ms at ${lag.rate}/s, in every run`,
      `${ms(lag.lagP99)} (median); ${under} of ${runs.length} runs`,
      ok(runs.length > 0 && under === runs.length),
    ]);
    out.push(['Notifications lost: none', String(lag.lost), ok(lag.lost === 0)]);
  }
  const levels = r.scale ?? [];
  const top = levels[levels.length - 1];
  if (top) {
    for (const who of ['organization', 'central']) {
      for (const page of ['first', 'hundredth']) {
        const hi = top.lists[who][page];
        if (!hi) continue;
        const name = `${who === 'organization' ? 'Organisation' : 'Central'} list, page ${page === 'first' ? 1 : 100}`;
        out.push([`${name}: p95 < 20 ms at ${count(top.nominations)}`, ms(hi.p95), ok(hi.p95 < 20)]);
        // Against the smallest scale that has this page (a filter may have fewer than 100 pages there).
        const base = levels.find((l) => l !== top && l.lists[who][page]);
        if (!base) continue;
        const lo = base.lists[who][page];
        out.push([
          `${name}: p95 at ${count(top.nominations)} ≤ 2 × at ${count(base.nominations)}`,
          `${f(hi.p95 / lo.p95, 2)} ×`,
          ok(hi.p95 <= 2 * lo.p95),
        ]);
      }
    }
    const s = top.summary.centralAll;
    out.push([
      `Summary report (Board, all years) at ${count(top.nominations)}: p95 < 100 ms`,
      ms(s.p95),
      ok(s.p95 < 100),
    ]);
  }
  return out;
}

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The markdown tables of one results file. */
function markdown(r) {
  const m = r.machine;
  const parts = [];
  parts.push(
    `Measured ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu} (${m.cores} cores, ${m.memoryGb} GB), ` +
      `${m.os}, Node.js ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}` +
      `${m.embeddedPostgres ? `, embedded PostgreSQL ${m.embeddedPostgres}` : ''}; ` +
      `${r.config.quick ? 'quick run' : 'full run'}: medians of ${r.config.runs} runs, ${r.config.concurrency} clients, ` +
      `${r.config.transitionSeconds} s per transition run.`,
  );
  const rows = [];
  const setups = [
    ['PostgreSQL + Redis', r.transitions.external],
    ['Embedded (PostgreSQL queue)', r.transitions.embedded],
  ].filter(([, t]) => t);
  const named = (name, t) => (t.layout ? `${name}, ${t.layout}` : name);
  for (const [name, t] of setups) {
    const x = t.median;
    rows.push([
      named(name, t),
      f(x.httpPerSecond, 0),
      f(x.httpWithDeliveriesPerSecond, 0),
      ms(x.httpP50),
      ms(x.httpP99),
      f(x.floorPerSecond, 0),
      ms(x.floorP50),
      ms(x.floorP99),
      f(x.ratio, 2),
    ]);
  }
  parts.push(
    `**Transitions** (submit → return → resubmit …, one nomination per client, over HTTP; the floor is the same writes ` +
      `with \`pg\` alone: lock, update the snapshot, insert a history row and an outbox row, commit; "with notifications" ` +
      `counts the time the service took after the run to deliver every transition's notification)\n\n` +
      table(
        [
          'Setup',
          'HTTP /s',
          'With notifications /s',
          'p50',
          'p99',
          'Floor /s',
          'Floor p50',
          'Floor p99',
          'HTTP / floor',
        ],
        rows,
      ),
  );
  const single = setups.filter(([, t]) => t.median.singleHttpP50 !== undefined);
  if (single.length)
    parts.push(
      `**One client** (the same cycle, one nomination, one client at a time; against the floor with one client)\n\n` +
        table(
          ['Setup', 'HTTP p50', 'Floor p50', 'HTTP / floor'],
          single.map(([name, t]) => [
            named(name, t),
            ms(t.median.singleHttpP50),
            ms(t.median.singleFloorP50),
            `${f(t.median.singleP50Ratio, 2)} ×`,
          ]),
        ),
    );
  const counted = setups.filter(([, t]) => t.median.postgresPerTransition !== undefined);
  if (counted.length)
    parts.push(
      `**Round trips and CPU** (counted by the service: messages sent to PostgreSQL — one may carry several ` +
        `statements — and commands sent to Redis, those of the HTTP requests per transition, those of the background ` +
        `— relay, workers — per notification, over the 32-client runs and the delivery of their notifications; the ` +
        `floor counted the same way; the CPU time of the service's processes, and of PostgreSQL's, per transition ` +
        `with its notification)\n\n` +
        table(
          [
            'Setup',
            'PostgreSQL / transition',
            'Redis / transition',
            'PostgreSQL / notification',
            'Redis / notification',
            'Service CPU ms / transition',
            'PostgreSQL CPU ms / transition',
          ],
          [
            ...counted.map(([name, t]) => [
              named(name, t),
              f(t.median.postgresPerTransition, 1),
              f(t.median.redisPerTransition, 1),
              f(t.median.postgresPerNotification, 1),
              f(t.median.redisPerNotification, 1),
              f(t.median.cpuMsPerTransition, 1),
              t.median.postgresCpuMsPerTransition === undefined
                ? '–'
                : f(t.median.postgresCpuMsPerTransition, 1),
            ]),
            [
              'Floor (`pg` alone)',
              f(counted[0][1].median.floorStatementsPerTransition, 1),
              '0',
              '–',
              '–',
              '–',
              counted[0][1].median.floorPostgresCpuMs === undefined
                ? '–'
                : f(counted[0][1].median.floorPostgresCpuMs, 1),
            ],
          ],
        ),
    );
  const lag = r.notificationLag?.median;
  if (lag) {
    parts.push(
      `**Notification lag** (history row to inbox row, open loop at ${lag.rate} transitions/s)\n\n` +
        table(
          ['Achieved /s', 'Lag p50', 'Lag p99', 'Lag max', 'Effects', 'Lost'],
          [
            [
              f(lag.achievedPerSecond, 0),
              ms(lag.lagP50),
              ms(lag.lagP99),
              ms(lag.lagMax),
              count(lag.effects),
              String(lag.lost),
            ],
          ],
        ),
    );
  }
  if (r.scale?.length) {
    const rowsScale = r.scale.map((l) => [
      count(l.nominations),
      `${ms(l.lists.organization.first.p50)} / ${ms(l.lists.organization.first.p95)}`,
      l.lists.organization.hundredth
        ? `${ms(l.lists.organization.hundredth.p50)} / ${ms(l.lists.organization.hundredth.p95)}`
        : '–',
      `${ms(l.lists.central.first.p50)} / ${ms(l.lists.central.first.p95)}`,
      l.lists.central.hundredth
        ? `${ms(l.lists.central.hundredth.p50)} / ${ms(l.lists.central.hundredth.p95)}`
        : '–',
      `${ms(l.summary.organization.p50)} / ${ms(l.summary.organization.p95)}`,
      `${ms(l.summary.centralYear.p50)} / ${ms(l.summary.centralYear.p95)}`,
      `${ms(l.summary.centralAll.p50)} / ${ms(l.summary.centralAll.p95)}`,
    ]);
    parts.push(
      `**Scale** (p50 / p95 over HTTP; lists of 20, a province's officer's filtered by year, the Board's by year and ` +
        `award; page 100 follows the cursor, – where the filter has fewer than 100 pages)\n\n` +
        table(
          [
            'Nominations',
            'Org list p1',
            'Org list p100',
            'Central list p1',
            'Central list p100',
            'Summary (org, year)',
            'Summary (central, year)',
            'Summary (central, all)',
          ],
          rowsScale,
        ),
    );
  }
  const mem = r.memory ?? {};
  const memRows = [];
  if (mem.external)
    memRows.push([
      'PostgreSQL + Redis',
      f(mem.external.peakRssMb, 0),
      `${mem.external.during}${mem.external.processes ? ` (sum of ${Object.keys(mem.external.processes).length} processes)` : ''}`,
    ]);
  if (mem.embedded)
    memRows.push([
      'Embedded',
      f(mem.embedded.peakRssMb, 0),
      `${mem.embedded.during} (PostgreSQL's own processes not counted)`,
    ]);
  if (memRows.length)
    parts.push(`**Memory** of the service process\n\n${table(['Setup', 'Peak RSS (MB)', 'Under'], memRows)}`);
  const g = goals(r);
  if (g.length) parts.push(`**Goals**\n\n${table(['Goal', 'Measured', 'Met'], g)}`);
  return parts.join('\n\n');
}

function printTable(r, log) {
  log(markdown(r));
}

async function renderReadme(r) {
  const file = path.join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  const prettier = require('prettier');
  const options = {
    ...((await prettier.resolveConfig(file)) ?? {}),
    parser: 'markdown',
    proseWrap: 'always',
  };
  const body = (await prettier.format(markdown(r), options)).trimEnd();
  writeFileSync(file, `${readme.slice(0, start + START.length)}\n\n${body}\n\n${readme.slice(end)}`);
}

module.exports = { markdown, printTable, renderReadme, goals };

if (require.main === module) {
  const file = process.argv[2] ?? path.join(ROOT, 'test/bench/results/latest.json');
  renderReadme(JSON.parse(readFileSync(file, 'utf8'))).then(
    () => process.stdout.write('README.md: Performance section updated\n'),
    (error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exitCode = 1;
    },
  );
}
