import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PARTS_DIR, RESULTS_DIR, type ScenarioCounts } from './summary';

/** Gathers the scenarios' counts into one summary, prints it as a table and writes it next to the tests. */
export default function summaryTeardown(): void {
  if (!existsSync(PARTS_DIR)) return;
  const scenarios = readdirSync(PARTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(PARTS_DIR, f), 'utf8')) as ScenarioCounts);
  rmSync(PARTS_DIR, { recursive: true, force: true });
  if (scenarios.length === 0) return;
  const total = scenarios.reduce(
    (t, s) => ({
      requests: t.requests + s.requests,
      faults: t.faults + s.faults,
      invariantsChecked: t.invariantsChecked + s.invariantsChecked,
      violations: t.violations + s.violations,
    }),
    { requests: 0, faults: 0, invariantsChecked: 0, violations: 0 },
  );
  const short = process.env.FAULTS_SHORT === '1';
  const summary = {
    version: short ? 'short' : 'full',
    finishedAt: new Date().toISOString(),
    total,
    scenarios,
  };
  writeFileSync(
    path.join(RESULTS_DIR, short ? 'latest-short.json' : 'latest.json'),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  const rows = [
    ['scenario', 'requests', 'faults', 'invariants checked', 'violations'],
    ...scenarios.map((s) => [s.scenario, s.requests, s.faults, s.invariantsChecked, s.violations]),
    ['total', total.requests, total.faults, total.invariantsChecked, total.violations],
  ].map((r) => r.map(String));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  process.stdout.write(
    `\nFault suite (${summary.version}):\n${line(rows[0])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows
      .slice(1)
      .map(line)
      .join('\n')}\n`,
  );
}
