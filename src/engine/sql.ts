import type { EntityManager } from 'typeorm';

/** Rows and affected-row count of one statement run inside a TypeORM transaction. */
export async function sql<T = Record<string, unknown>>(
  tx: EntityManager,
  text: string,
  params: unknown[] = [],
): Promise<{ rows: T[]; affected: number }> {
  const runner = tx.queryRunner;
  if (!runner) throw new Error('sql() needs an EntityManager bound to a transaction');
  const result = (await runner.query(text, params, true)) as { records: T[]; affected?: number };
  return { rows: result.records, affected: result.affected ?? result.records.length };
}

const RETRYABLE = new Set(['40001', '40P01']);

/** Serialization failures and deadlocks: the whole transaction may be retried. */
export function isRetryable(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ??
    (error as { code?: string })?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}
