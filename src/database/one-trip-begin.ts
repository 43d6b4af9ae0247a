import { escapeLiteral, type PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

// pg's own conversion of a parameter to the text it sends (dates, arrays, JSON, Buffers); not in its typings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): string | Buffer | null };

/** Placeholders outside string literals, dollar-quoted bodies, quoted identifiers and comments. */
const TOKENS = /'(?:[^']|'')*'|\$\$[\s\S]*?\$\$|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$(\d+)/g;

/** Quoting the tokenizer does not read: `E'…'` strings, tagged dollar quotes, a `$` inside a name. */
const UNREAD_QUOTING = /\bE'|\$[A-Za-z_]\w*\$|\w\$\d/i;

/**
 * The statement with its parameters written in as literals, or null when it cannot be (a binary value, or a
 * statement pg would send as more than text). Each value becomes the text pg would have sent for it, quoted as a
 * literal of unknown type, which PostgreSQL types from its context as it types an unknown parameter.
 */
export function inlineParameters(text: string, params: unknown[]): string | null {
  // Only statements whose quoting the tokenizer reads exactly: no E'' strings, tagged dollar quotes or `$` in names.
  if (UNREAD_QUOTING.test(text)) return null;
  const literals: string[] = [];
  for (const param of params) {
    const value = prepareValue(param);
    if (value === null) literals.push('NULL');
    // A NUL ends a simple-protocol message's text: PostgreSQL would refuse the message itself (a protocol error,
    // not the data error a parameter gets), so such a value goes as a parameter.
    else if (typeof value === 'string' && !value.includes('\0')) literals.push(escapeLiteral(value));
    else return null;
  }
  let missing = false;
  const inlined = text.replace(TOKENS, (token, index: string | undefined) => {
    if (index === undefined) return token;
    const literal = literals[Number(index) - 1];
    if (literal === undefined) missing = true;
    return literal ?? token;
  });
  return missing ? null : inlined;
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Runs `work` in a transaction whose `BEGIN` travels with its first statement, in one round trip: the first
 * statement is sent as `START TRANSACTION; <statement>` in the simple protocol, with its parameters written in as
 * literals. On a machine where each round trip to PostgreSQL costs a system call worth more than the statement, a
 * command saves one. A first statement that cannot be written so is preceded by a `START TRANSACTION` of its own.
 * Everything else is TypeORM's transaction: the same EntityManager, COMMIT or ROLLBACK at the end.
 */
export async function transactionBegunWithFirstStatement<T>(
  dataSource: DataSource,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const query = client.query as unknown as QueryFn;
  let begun = false;
  const patched: QueryFn = function (this: PoolClient, ...args: unknown[]) {
    const [text, params, callback] = args;
    if (begun || typeof text !== 'string' || callback !== undefined) return query.apply(client, args);
    begun = true;
    const values = Array.isArray(params) ? params : [];
    const inlined = values.length === 0 ? text : inlineParameters(text, values);
    if (inlined === null) {
      return (query.call(client, 'START TRANSACTION') as Promise<unknown>).then(() =>
        query.apply(client, args),
      );
    }
    return (query.call(client, `START TRANSACTION; ${inlined}`) as Promise<unknown[]>).then(
      (results) => results[results.length - 1],
    );
  };
  (client as unknown as { query: QueryFn }).query = patched;
  // What `startTransaction()` records, without its round trip.
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
  const close = () => {
    state.isTransactionActive = false;
    state.transactionDepth = 0;
  };
  try {
    const result = await work(runner.manager);
    if (begun) await runner.commitTransaction();
    else close();
    return result;
  } catch (error) {
    if (begun) await runner.rollbackTransaction().catch(() => undefined);
    else close();
    throw error;
  } finally {
    delete (client as unknown as { query?: QueryFn }).query;
    await runner.release();
  }
}
