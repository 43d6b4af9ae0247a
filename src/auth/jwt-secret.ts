import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/config';

/**
 * JWT_SECRET when set (required in production); otherwise a random secret kept under DATA_DIR so that tokens
 * survive a restart of a development or demo instance.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.env.JWT_SECRET) return config.env.JWT_SECRET;
  const file = path.resolve(config.env.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
