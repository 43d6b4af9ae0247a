import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
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
  const literals = literalsOf(params);
  if (literals === null) return null;
  let missing = false;
  const inlined = text.replace(TOKENS, (token, index: string | undefined) => {
    if (index === undefined) return token;
    const literal = literals[Number(index) - 1];
    if (literal === undefined) missing = true;
    return literal ?? token;
  });
  return missing ? null : inlined;
}

/**
 * A string as a literal, as pg's `escapeLiteral` writes it (quotes doubled; with a backslash, an `E''` string with
 * backslashes doubled), with the string's native search and replace instead of a loop over its characters: the
 * values are snapshots and payloads of a few kilobytes.
 */
export function quoteLiteral(value: string): string {
  const quoted = value.includes("'") ? value.replaceAll("'", "''") : value;
  return value.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/** Each value as the literal of the text pg would send for it; null when one cannot be written so. */
function literalsOf(params: unknown[]): string[] | null {
  const literals: string[] = [];
  for (const param of params) {
    const value = prepareValue(param);
    if (value === null) literals.push('NULL');
    // A NUL ends a simple-protocol message's text: PostgreSQL would refuse the message itself (a protocol error,
    // not the data error a parameter gets), so such a value goes as a parameter.
    else if (typeof value === 'string' && !value.includes('\0')) literals.push(quoteLiteral(value));
    else return null;
  }
  return literals;
}

/** The name part of each statement's text, hashed once (a bounded memo: texts built with lists vary). */
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = createHash('sha1').update(text).digest('hex').slice(0, 20);
    if (names.size >= 1000) names.clear();
    names.set(text, name);
  }
  return name;
}

/** Data sources whose commands prepare nothing (DATABASE_PREPARED_STATEMENTS=false). */
const unprepared = new WeakSet<DataSource>();

/** Commands of this data source send their statements unprepared: values written in, or unnamed statements. */
export function withoutPreparedStatements(dataSource: DataSource): void {
  unprepared.add(dataSource);
}

/** Between statements of one message: on a line of its own, so that a statement's last line comment ends first. */
const SEPARATOR = '\n;\n';

/** Statements `PREPARE` accepts. */
const PREPARABLE = /^\s*(?:WITH|SELECT|INSERT|UPDATE|DELETE|VALUES)\b/i;
/** At most this many statements prepared on one connection (statements built with lists of varying length). */
const MAX_PREPARED = 200;

/** The statements prepared on each connection, by name (both kinds: `thidua_` simple, `thidua_p_` extended). */
const prepared = new WeakMap<PoolClient, Set<string>>();

function preparedOn(client: PoolClient): Set<string> {
  let names = prepared.get(client);
  if (!names) prepared.set(client, (names = new Set()));
  return names;
}

/** A statement as simple-protocol text, with the name it prepares on its connection if it does. */
interface SimpleStatement {
  text: string;
  prepares?: string;
}

/**
 * A statement as simple-protocol text: `EXECUTE` of a statement prepared on this connection (preceded by its
 * `PREPARE` the first time), so that PostgreSQL plans it once per connection instead of at every command, or else
 * with its parameters written in as literals; null when neither can be done. The parameters' types are those
 * PostgreSQL infers from their use, as for the extended protocol's unnamed statements.
 */
export function simpleStatement(
  client: PoolClient,
  text: string,
  params: unknown[],
  prepare = true,
): SimpleStatement | null {
  const names = preparedOn(client);
  const name = `thidua_${statementName(text)}`;
  const known = names.has(name);
  if (prepare && PREPARABLE.test(text) && (known || names.size < MAX_PREPARED)) {
    const literals = literalsOf(params);
    if (literals !== null) {
      const execute = literals.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${literals.join(', ')})`;
      if (known) return { text: execute };
      names.add(name);
      return { text: `PREPARE ${name} AS ${text}${SEPARATOR}${execute}`, prepares: name };
    }
  }
  const inlined = params.length === 0 ? text : inlineParameters(text, params);
  return inlined === null ? null : { text: inlined };
}

/**
 * A statement for the extended protocol: named, so that pg parses it once per connection and PostgreSQL plans it
 * once (a generic plan after a few executions), its values sent apart from its text; unnamed when it is not one
 * `PREPARE` accepts or the connection holds too many already.
 */
function namedStatement(
  client: PoolClient,
  text: string,
  values: unknown[],
  prepare = true,
): { name?: string; text: string; values: unknown[] } {
  if (!prepare) return { text, values };
  const names = preparedOn(client);
  const name = `thidua_p_${statementName(text)}`;
  if (PREPARABLE.test(text) && (names.has(name) || names.size < MAX_PREPARED)) {
    names.add(name);
    return { name, text, values };
  }
  return { text, values };
}

/**
 * Errors after which a connection's prepared statements cannot be trusted: a schema change made one's result or
 * parameters stale (`0A000` cached plan must not change result type), or one is missing (`26000`).
 */
const STALE_PREPARED = new Set(['0A000', '26000']);

/** Whether an error means the transaction may be run again on a fresh connection (see `STALE_PREPARED`). */
export function isStalePrepared(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ??
    (error as { code?: string })?.code;
  return typeof code === 'string' && STALE_PREPARED.has(code);
}

type QueryFn = (...args: unknown[]) => unknown;

/** Writes of a transaction held back to travel with its next statement or its COMMIT, in order. */
const deferredWrites = new WeakMap<
  QueryRunner,
  { begun: () => boolean; pending: SimpleStatement[]; client: PoolClient; prepare: boolean }
>();

/**
 * Holds back a write whose answer the command does not need (no rows, no count), to be sent in the same
 * simple-protocol message as the transaction's `COMMIT`, or on its own before the transaction's next statement: in
 * order, so that every later statement sees it, and in the transaction, so that a failure aborts it (the error is
 * then the next statement's or the commit's, and the transaction rolls back). Returns false — and the caller sends
 * the write itself — outside a transaction begun by `transactionBegunWithFirstStatement`, before its first
 * statement, or for a write whose parameters cannot be written in as literals.
 */
export function deferWrite(tx: EntityManager, text: string, params: unknown[]): boolean {
  const runner = tx.queryRunner;
  const writes = runner ? deferredWrites.get(runner) : undefined;
  if (!writes?.begun()) return false;
  const statement = simpleStatement(writes.client, text, params, writes.prepare);
  if (statement === null) return false;
  writes.pending.push(statement);
  return true;
}

/**
 * Runs `work` in a transaction whose `BEGIN` travels with its first statement, in one round trip: the first
 * statement is sent as `START TRANSACTION; <statement>` in the simple protocol, with its parameters written in as
 * literals. On a machine where each round trip to PostgreSQL costs a system call worth more than the statement, a
 * command saves one. A first statement that cannot be written so is preceded by a `START TRANSACTION` of its own.
 * Writes held back by `deferWrite` go with the `COMMIT`, or before the next statement. Everything else is
 * TypeORM's transaction: the same EntityManager, COMMIT or ROLLBACK at the end.
 *
 * A message that failed leaves it unknown which of its `PREPARE`s took effect (a `PREPARE` is not undone by a
 * rollback), and a schema change can leave a prepared statement stale: the connection is then closed rather than
 * returned to the pool, and a stale statement's error lets the caller run the command again (`isStalePrepared`).
 */
export async function transactionBegunWithFirstStatement<T>(
  dataSource: DataSource,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const query = client.query as unknown as QueryFn;
  let begun = false;
  const prepare = !unprepared.has(dataSource);
  const pending: SimpleStatement[] = [];
  /** Why the connection must not go back to the pool, if it must not. */
  let unusable: Error | undefined;
  /** Sends simple-protocol statements as one message; the last one's result. */
  const send = (statements: SimpleStatement[]) =>
    (
      query.call(client, statements.map((st) => st.text).join(SEPARATOR)) as Promise<unknown[] | unknown>
    ).then(
      (results) => (Array.isArray(results) ? results[results.length - 1] : results),
      (error: unknown) => {
        if (statements.some((st) => st.prepares) || isStalePrepared(error)) unusable = error as Error;
        throw error;
      },
    );
  /** The held-back writes, then `statement`, as one message. */
  const withPending = (statement: SimpleStatement) => send(pending.splice(0).concat(statement));
  /** A statement with its values apart (extended protocol). */
  const extended = (text: string, values: unknown[], args: unknown[]) => {
    const statement = namedStatement(client, text, values, prepare);
    const sent = (
      statement.name ? query.call(client, statement) : query.apply(client, args)
    ) as Promise<unknown>;
    return sent.catch((error: unknown) => {
      if (isStalePrepared(error)) unusable = error as Error;
      throw error;
    });
  };
  const patched: QueryFn = function (this: PoolClient, ...args: unknown[]) {
    const [text, params, callback] = args;
    if (typeof text !== 'string' || callback !== undefined) return query.apply(client, args);
    const values = Array.isArray(params) ? params : [];
    if (!begun) {
      begun = true;
      const first = simpleStatement(client, text, values, prepare);
      if (first === null) {
        return (query.call(client, 'START TRANSACTION') as Promise<unknown>).then(() =>
          extended(text, values, args),
        );
      }
      return withPending({ text: `START TRANSACTION; ${first.text}`, prepares: first.prepares });
    }
    // Every later statement keeps its values out of its text (and so out of pg_stat_activity): the extended
    // protocol, with the statement prepared once per connection; held-back writes go first, on their own.
    if (pending.length === 0) return extended(text, values, args);
    return send(pending.splice(0)).then(() => extended(text, values, args));
  };
  (client as unknown as { query: QueryFn }).query = patched;
  deferredWrites.set(runner, { begun: () => begun, pending, client, prepare });
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
    if (begun && pending.length > 0) {
      await withPending({ text: 'COMMIT' });
      close();
    } else if (begun) await runner.commitTransaction();
    else close();
    return result;
  } catch (error) {
    // Held-back writes never sent prepared nothing.
    for (const st of pending.splice(0)) if (st.prepares) preparedOn(client).delete(st.prepares);
    if (begun) await runner.rollbackTransaction().catch(() => undefined);
    else close();
    throw error;
  } finally {
    deferredWrites.delete(runner);
    delete (client as unknown as { query?: QueryFn }).query;
    if (unusable) {
      prepared.delete(client);
      // An error given back with the connection makes the pool close it.
      await (
        runner as unknown as { releasePostgresConnection(err: Error): Promise<void> }
      ).releasePostgresConnection(unusable);
    } else await runner.release();
  }
}
