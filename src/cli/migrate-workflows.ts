// Moves running workflow instances to a new machine version by the migration between the two versions:
//   DATABASE_URL=postgres://… npm run migrate-workflows -- --from nomination@1 --to nomination@2 [--dry-run]
// Prints what moved and what was left (and why). Exit code 0 on success, 2 on a usage or connection error.
import 'reflect-metadata';
import { AuditService } from '../audit/audit.service';
import { createDataSource } from '../database/data-source';
import { WorkflowMigrationService } from '../engine/workflow-migration.service';

const KEY = /^([a-zA-Z]{1,64})@(\d{1,4})$/;

function usage(message: string): number {
  process.stderr.write(
    `${message}\nUsage: migrate-workflows --from <machine>@<version> --to <machine>@<version> [--dry-run]\n`,
  );
  return 2;
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) return usage('Set DATABASE_URL to the database to migrate.');
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const from = KEY.exec(value('--from') ?? '');
  const to = KEY.exec(value('--to') ?? '');
  if (!from || !to) return usage('--from and --to name a machine version, such as nomination@1.');
  if (from[1] !== to[1]) return usage('--from and --to must name the same machine.');
  const dataSource = await createDataSource(url, 2).initialize();
  try {
    const report = await new WorkflowMigrationService(dataSource, new AuditService(dataSource)).migrate(
      { machineId: from[1], from: Number(from[2]), to: Number(to[2]), dryRun: args.includes('--dry-run') },
      { system: 'cli' },
    );
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      `${report.dryRun ? 'Would move' : 'Moved'} ${report.moved.length} instance(s); left ${report.left.length}.\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`migrate-workflows failed: ${error.message}\n`);
    process.exit(2);
  },
);
