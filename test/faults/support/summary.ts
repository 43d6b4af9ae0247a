import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SHORT = process.env.FAULTS_SHORT === '1';
export const RESULTS_DIR = path.join(__dirname, '../results');
export const PARTS_DIR = path.join(RESULTS_DIR, '.parts');

/** Sizes of the load: the short version (in `npm test`) is a fraction of the full one. */
export const scale = <T>(full: T, short: T): T => (SHORT ? short : full);

export interface ScenarioCounts {
  scenario: string;
  requests: number;
  faults: number;
  invariantsChecked: number;
  violations: number;
  details?: Record<string, unknown>;
  violationList?: string[];
  seconds?: number;
}

/** Stores one scenario's counts; the global teardown gathers them into `results/latest.json`. */
export function recordScenario(counts: ScenarioCounts): void {
  mkdirSync(PARTS_DIR, { recursive: true });
  const file = path.join(PARTS_DIR, `${counts.scenario.replace(/[^a-z0-9-]+/gi, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ ...counts, violationList: counts.violationList?.slice(0, 50) }, null, 2)}\n`,
  );
}
