import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/config';
import { DomainError } from '../common/errors';
import { UsersService, type UserView } from './users.service';

/** Serialises the creation of a first administrator between replicas and the command line (arbitrary constant). */
const BOOTSTRAP_LOCK = 7_201_523_003;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organisation of a first administrator, by code or id. The default is the Central Emulation and Commendation
 * Board (`BOARD`), which runs emulation and commendation work nationally; an administrator's scope is central
 * whatever its organisation, which is only shown and recorded.
 */
export async function resolveOrganization(
  tx: EntityManager,
  codeOrId: string,
): Promise<{ id: string; code: string }> {
  const value = codeOrId.trim();
  const [row] = (await tx.query(
    `SELECT id, code FROM organizations WHERE ${UUID.test(value) ? 'id = $1::uuid' : 'code = $1'}`,
    [value],
  )) as { id: string; code: string }[];
  if (!row)
    throw new DomainError('not_found', 'ORGANIZATION.NOT_FOUND', `No organisation with code or id ${value}`);
  return row;
}

export interface NewAdministrator {
  email: string;
  fullName: string;
  organization: string;
}

/**
 * Creates an administrator with a generated one-time password (to be changed at the first sign-in), recorded as
 * `admin.bootstrap` in the audit log. Takes the bootstrap lock; refuses an e-mail that exists. With `onlyIfNone`
 * it creates nothing when an administrator exists (the start-up path: idempotent across restarts and replicas).
 */
export async function createAdministrator(
  dataSource: DataSource,
  users: UsersService,
  audit: AuditService,
  input: NewAdministrator,
  options: { actor: string; onlyIfNone: boolean },
): Promise<{ user: UserView; password: string } | { skipped: 'admin_exists' }> {
  const actor = { system: options.actor };
  return dataSource.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
    if (options.onlyIfNone) {
      const [{ n }] = (await tx.query(`SELECT count(*)::int AS n FROM users WHERE role = 'ADMIN'`)) as {
        n: number;
      }[];
      if (n > 0) return { skipped: 'admin_exists' as const };
    }
    const organization = await resolveOrganization(tx, input.organization);
    const created = await users.create(
      {
        email: input.email,
        fullName: input.fullName,
        role: 'ADMIN',
        organizationId: organization.id,
        mustChangePassword: true,
      },
      actor,
      tx,
    );
    await audit.record(tx, {
      actor,
      action: 'admin.bootstrap',
      targetType: 'user',
      targetId: created.user.id,
      after: { email: created.user.email, organization: organization.code },
    });
    return created;
  });
}

export function oneTimePasswordNotice(email: string, password: string): string {
  return [
    '',
    `  Quản trị viên / Administrator: ${email}`,
    `  Mật khẩu dùng một lần / One-time password: ${password}`,
    '  Mật khẩu chỉ hiện lần này; phải đổi ngay khi đăng nhập lần đầu.',
    '  It is shown this once and must be changed at the first sign-in.',
    '',
    '',
  ].join('\n');
}

/**
 * ADMIN_EMAIL: a container deployment gets its first administrator at start, once: when no administrator exists
 * (checked under an advisory lock, so replicas starting together create one), and its password is printed once.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.env.ADMIN_EMAIL;
    if (!email) return;
    let result: Awaited<ReturnType<typeof createAdministrator>>;
    try {
      result = await createAdministrator(
        this.dataSource,
        this.users,
        this.audit,
        { email, fullName: this.config.env.ADMIN_NAME, organization: this.config.env.ADMIN_ORGANIZATION },
        { actor: 'startup', onlyIfNone: true },
      );
    } catch (error) {
      if (error instanceof DomainError) {
        // A configuration that cannot be honoured must not go unnoticed, nor stop a running deployment.
        this.logger.error(
          { code: error.code, error: error.message },
          'ADMIN_EMAIL: the first administrator was not created',
        );
        return;
      }
      throw error;
    }
    if ('skipped' in result) return;
    this.logger.log({ userId: result.user.id }, 'created the first administrator (ADMIN_EMAIL)');
    process.stdout.write(oneTimePasswordNotice(result.user.email, result.password));
  }
}
