import { plainToInstance, Transform } from 'class-transformer';
import { isIP } from 'node:net';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The entries of a comma-separated list of addresses or CIDR ranges; those that are neither, separately. */
export function parseAddressList(text: string): { entries: string[]; bad: string[] } {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = entries.filter((entry) => {
    const [address, prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return true;
    if (prefix === undefined) return false;
    if (!/^\d{1,3}$/.test(prefix)) return true;
    return Number(prefix) > (version === 4 ? 32 : 128);
  });
  return { entries, bad };
}

/** Every environment variable thidua reads, with its default. The README's configuration table mirrors it. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['api', 'worker', 'all'])
  ROLE: 'api' | 'worker' | 'all' = 'all';

  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S*$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsString()
  QUEUE_PREFIX = 'thidua';

  @IsString()
  DATA_DIR = './.data';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'BALLOT_SECRET must be at least 32 characters' })
  BALLOT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'thidua <no-reply@thidua.local>';

  @IsString()
  WEBHOOK_ALLOWED_HOSTS = '';

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  RECONCILE_INTERVAL_MS = 60_000;

  /**
   * Addresses or CIDR ranges of the reverse proxies whose `X-Forwarded-For` is believed; empty: none (the client
   * address is the connection's).
   */
  @IsString()
  TRUST_PROXY = '';

  /** Requests per minute: sign-in per address; uploads, ballots and exports per user. 0 switches one off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_SIGN_IN = 60;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_UPLOADS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_BALLOTS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_EXPORTS = 120;

  /** Creates this administrator at start when there is no administrator yet (its one-time password is printed). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @IsString()
  @MaxLength(200)
  ADMIN_NAME = 'Quản trị hệ thống';

  /** Code or id of the first administrator's organisation. */
  @IsString()
  ADMIN_ORGANIZATION = 'BOARD';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  PASSWORD_RESET_TTL_HOURS = 24;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  DELIVERY_BACKOFF_MS = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 1000;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  SEED_DEMO?: boolean;

  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /**
   * Whether a command's statements are prepared once per connection (`false` behind a connection pooler in
   * transaction mode, where a session's prepared statements do not follow it).
   */
  @Transform(toBool)
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS = true;

  /** Whether `/docs` (Swagger UI and the OpenAPI document) is served; unset: everywhere but in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  DOCS_PUBLIC?: boolean;

  /** When set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The validated configuration, plus what start-up resolved (the embedded database's URL). */
export class AppConfig {
  constructor(
    readonly env: Env,
    readonly databaseUrl: string,
    readonly embedded: boolean,
  ) {}

  get queueBackend(): 'redis' | 'postgres' {
    return this.env.REDIS_URL ? 'redis' : 'postgres';
  }
  get runsApi(): boolean {
    return this.env.ROLE !== 'worker';
  }
  get runsWorker(): boolean {
    return this.env.ROLE !== 'api';
  }
  get publicUrl(): string {
    return this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`;
  }
  /** Fastify's `trustProxy`: false (trust no proxy) or the list of trusted proxies. */
  get trustProxy(): false | string[] {
    const { entries } = parseAddressList(this.env.TRUST_PROXY);
    return entries.length > 0 ? entries : false;
  }
  get seedDemo(): boolean {
    return this.env.SEED_DEMO ?? this.embedded;
  }
  /** Swagger UI and the OpenAPI document are public unless in production (where DOCS_PUBLIC=true opens them). */
  get docsPublic(): boolean {
    return this.env.DOCS_PUBLIC ?? this.env.NODE_ENV !== 'production';
  }
  /**
   * Who may read `/metrics`: the holders of METRICS_TOKEN when it is set; otherwise anyone, except in production,
   * where metrics are then not served at all.
   */
  get metricsAccess(): { token: string } | 'public' | 'off' {
    if (this.env.METRICS_TOKEN) return { token: this.env.METRICS_TOKEN };
    return this.env.NODE_ENV === 'production' ? 'off' : 'public';
  }
}

/** Validates the environment; throws a ConfigError naming every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const known = Object.keys(new Env());
  const picked: Record<string, string> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'REDIS_URL',
    'PUBLIC_URL',
    'JWT_SECRET',
    'BALLOT_SECRET',
    'SMTP_URL',
    'SEED_DEMO',
    'ADMIN_EMAIL',
    'DOCS_PUBLIC',
    'METRICS_TOKEN',
  ]) {
    const value = source[key];
    if (value !== undefined) picked[key] = value;
  }
  const env = plainToInstance(Env, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) =>
      message.startsWith(e.property) ? message : `${e.property}: ${message}`,
    ),
  );
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('JWT_SECRET: must be set when NODE_ENV=production (at least 32 random characters)');
  }
  const proxies = parseAddressList(env.TRUST_PROXY ?? '');
  if (proxies.bad.length > 0) {
    problems.push(
      `TRUST_PROXY: not an IP address or CIDR range: ${proxies.bad.join(', ')} (a comma-separated list, e.g. 10.0.0.0/8,127.0.0.1)`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return env;
}
