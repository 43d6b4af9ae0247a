// Accounts from the server's command line:
//   DATABASE_URL=postgres://… npm run admin -- create --email a@b.vn --name "Nguyễn Văn A" [--organization BOARD]
// Creates an administrator with a one-time password, printed once (to be changed at the first sign-in). Refuses an
// e-mail that exists. Exit code 0 on success, 1 when refused, 2 on a usage or connection error.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AuditService } from '../audit/audit.service';
import { createAdministrator, oneTimePasswordNotice } from '../auth/admin-bootstrap.service';
import { UsersService } from '../auth/users.service';
import { DomainError } from '../common/errors';
import { AppConfig, loadEnv } from '../config/config';
import { ChangeBus } from '../database/change-bus.service';
import { createDataSource, runMigrationsLocked } from '../database/data-source';
import { OrganizationsService } from '../organizations/organizations.service';

const USAGE = `Usage: npm run admin -- create --email <e-mail> --name "<full name>" [--organization <code or id>]
  --organization defaults to BOARD (Ban Thi đua – Khen thưởng Trung ương).
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        organization: { type: 'string', default: 'BOARD' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const email = values.email?.trim().toLowerCase();
  const name = values.name?.trim();
  if (positionals[0] !== 'create' || positionals.length !== 1 || !email || !name) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254 || name.length > 200) {
    process.stderr.write(`Not a valid e-mail address or name.\n${USAGE}`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('Set DATABASE_URL to the database of the deployment.\n');
    return 2;
  }
  const config = new AppConfig(loadEnv(process.env), url, false);
  const dataSource = await createDataSource(url, 2).initialize();
  try {
    if (config.env.MIGRATIONS_RUN) await runMigrationsLocked(dataSource);
    const audit = new AuditService(dataSource);
    const organizations = new OrganizationsService(dataSource, new ChangeBus(config, dataSource), audit);
    const users = new UsersService(dataSource, organizations, audit);
    const result = await createAdministrator(
      dataSource,
      users,
      audit,
      { email, fullName: name, organization: values.organization },
      { actor: 'cli', onlyIfNone: false },
    );
    if ('skipped' in result) return 1;
    process.stdout.write(oneTimePasswordNotice(result.user.email, result.password));
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      process.stderr.write(`Refused: ${error.message} (${error.code})\n`);
      return 1;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`admin failed: ${error.message}\n`);
    process.exit(2);
  },
);
