// Verifies the hash chains of workflow history straight from the database:
//   DATABASE_URL=postgres://… npm run verify-history [-- <instance-id> …]
// Exit code 0 when every chain verifies, 1 when one does not, 2 on a usage or connection error.
import 'reflect-metadata';
import { createDataSource } from '../database/data-source';
import { HistoryVerifier } from '../engine/history-verifier.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { MetricsService } from '../ops/metrics.service';

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('Set DATABASE_URL to the database to verify.\n');
    return 2;
  }
  const ids = process.argv.slice(2);
  if (ids.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) {
    process.stderr.write('Arguments must be workflow instance ids (UUIDs).\n');
    return 2;
  }
  const dataSource = await createDataSource(url, 2).initialize();
  try {
    const engine = new WorkflowEngine(
      dataSource,
      new CalendarService(dataSource, new AuditService(dataSource)),
      new MetricsService(),
    );
    const report = await new HistoryVerifier(dataSource, engine).verifyAll(ids.length > 0 ? { ids } : {});
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      report.invalid.length === 0
        ? `All ${report.instances} chains verify.\n`
        : `${report.invalid.length} of ${report.instances} chains do NOT verify.\n`,
    );
    return report.invalid.length === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`verify-history failed: ${error.message}\n`);
    process.exit(2);
  },
);
