import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import {
  deferWrite,
  transactionBegunWithFirstStatement,
  withoutPreparedStatements,
} from '../../src/database/one-trip-begin';
import { createTestDatabase, type TestDatabase } from '../support/database';

jest.setTimeout(60_000);

/**
 * A transaction whose BEGIN travels with its first statement, and whose writes held back by `deferWrite` travel
 * with its next statement or its COMMIT: what each statement sees, what a failure leaves, and how many messages
 * reach PostgreSQL.
 */
describe('a transaction in few round trips', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let sent: string[];
  const query = Client.prototype.query as (...args: unknown[]) => unknown;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: what it has prepared carries from one test to the next.
    dataSource = await createDataSource(db.url, 1).initialize();
    await dataSource.query(`CREATE TABLE trip_test (id int PRIMARY KEY, note text NOT NULL)`);
  });
  beforeEach(async () => {
    await dataSource.query(`DELETE FROM trip_test`);
    sent = [];
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { name?: string; text: string };
      sent.push(typeof q === 'string' ? q : `${q.name ? `named ${q.name}` : 'unnamed'}: ${q.text}`);
      return query.apply(this, args);
    } as typeof Client.prototype.query;
  });
  afterEach(() => {
    Client.prototype.query = query as typeof Client.prototype.query;
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const notes = async () =>
    (
      (await dataSource.query(`SELECT id, note FROM trip_test ORDER BY id`)) as { id: number; note: string }[]
    ).map((r) => `${r.id}:${r.note}`);

  it('sends a held-back write with the COMMIT: two messages for a read and a write', async () => {
    const deferred = await transactionBegunWithFirstStatement(dataSource, async (tx) => {
      await tx.query(`SELECT count(*) FROM trip_test WHERE id = $1`, [1]);
      return deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2)`, [1, "it's held"]);
    });
    expect(deferred).toBe(true);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(
      /^START TRANSACTION; PREPARE (\w+) AS SELECT count\(\*\) FROM trip_test WHERE id = \$1;\nEXECUTE \1\('1'\)$/,
    );
    expect(sent[1]).toMatch(
      /^PREPARE (\w+) AS INSERT INTO trip_test .*;\nEXECUTE \1\('1', 'it''s held'\);\nCOMMIT$/s,
    );
    sent = [];
    expect(await notes()).toEqual(["1:it's held"]);
  });

  it('a held-back write goes before the next statement, which sees it', async () => {
    const seen = await transactionBegunWithFirstStatement(dataSource, async (tx) => {
      await tx.query(`SELECT 1 WHERE $1::int = 1`, [1]);
      deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2)`, [2, 'first']);
      deferWrite(tx, `UPDATE trip_test SET note = $2 WHERE id = $1`, [2, 'second']);
      return (await tx.query(`SELECT note FROM trip_test WHERE id = $1`, [2])) as { note: string }[];
    });
    expect(seen).toEqual([{ note: 'second' }]);
    // BEGIN with the first read; both writes together; the second read on its own, its value apart from its text;
    // the COMMIT alone (nothing held back any more).
    expect(sent).toHaveLength(4);
    expect(sent[1].match(/EXECUTE /g)).toHaveLength(2);
    expect(sent[2]).toMatch(/^named thidua_p_\w+: SELECT note FROM trip_test WHERE id = \$1$/);
    expect(sent[3]).toBe('COMMIT');
    expect(await notes()).toEqual(['2:second']);
  });

  it('a statement after the first keeps its values out of its text, prepared once per connection', async () => {
    const find = (note: string) =>
      transactionBegunWithFirstStatement(dataSource, async (tx) => {
        await tx.query(`SELECT 1`);
        return (await tx.query(`SELECT count(*)::int AS n FROM trip_test WHERE note = $1`, [note])) as {
          n: number;
        }[];
      });
    expect(await find('a secret choice')).toEqual([{ n: 0 }]);
    expect(await find('another secret')).toEqual([{ n: 0 }]);
    expect(sent.join('\n')).not.toContain('secret');
    const [{ names }] = (await dataSource.query(
      `SELECT count(*)::int AS names FROM pg_prepared_statements WHERE statement LIKE '%FROM trip_test WHERE note = $1%'`,
    )) as { names: number }[];
    expect(names).toBe(1);
  });

  it('prepares a statement once per connection: the next command only executes it, with its own values', async () => {
    const run = (id: number, note: string | null) =>
      transactionBegunWithFirstStatement(dataSource, async (tx) => {
        await tx.query(`SELECT count(*) FROM trip_test WHERE id = $1`, [id]);
        deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, coalesce($2, 'none'))`, [id, note]);
      });
    await run(10, 'ten');
    expect(sent.join('\n')).toContain('PREPARE');
    sent = [];
    await run(11, null);
    expect(sent).toHaveLength(2);
    expect(sent.join('\n')).not.toContain('PREPARE');
    expect(sent[1]).toMatch(/^EXECUTE \w+\('11', NULL\);\nCOMMIT$/);
    sent = [];
    expect(await notes()).toEqual(['10:ten', '11:none']);
  });

  it('a held-back write that fails rolls the whole transaction back and rejects the command', async () => {
    await dataSource.query(`INSERT INTO trip_test (id, note) VALUES (3, 'there')`);
    const attempt = transactionBegunWithFirstStatement(dataSource, async (tx) => {
      await tx.query(`UPDATE trip_test SET note = $2 WHERE id = $1`, [3, 'changed']);
      deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2)`, [3, 'duplicate']);
    });
    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    const [{ note }] = (await dataSource.query(`SELECT note FROM trip_test WHERE id = 3`)) as {
      note: string;
    }[];
    expect(note).toBe('there');
    // The aborted transaction was rolled back before its connection went back to the pool.
    expect(sent).toContain('ROLLBACK');
    // Which of that message's statements were prepared is not known: the connection prepares nothing more, and
    // its commands still run, their values written in.
    sent = [];
    await transactionBegunWithFirstStatement(dataSource, async (tx) => {
      await tx.query(`SELECT $1::int + 1 AS next`, [41]);
      deferWrite(tx, `UPDATE trip_test SET note = $2 WHERE id = $1`, [3, 'after']);
    });
    expect(sent.join('\n')).not.toMatch(/PREPARE|EXECUTE/);
    expect(sent[0]).toBe(`START TRANSACTION; SELECT '41'::int + 1 AS next`);
    expect(await notes()).toEqual(['3:after']);
  });

  it('a held-back write is dropped with the transaction when the command throws', async () => {
    const attempt = transactionBegunWithFirstStatement(dataSource, async (tx) => {
      await tx.query(`SELECT 1`);
      deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2)`, [4, 'never']);
      throw new Error('refused');
    });
    await expect(attempt).rejects.toThrow('refused');
    expect(await notes()).toEqual([]);
  });

  it('holds nothing back before the first statement, outside such a transaction, or for a value with a NUL', async () => {
    const before = await transactionBegunWithFirstStatement(dataSource, async (tx) =>
      deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2)`, [5, 'early']),
    );
    expect(before).toBe(false);
    const outside = await dataSource.transaction(async (tx) =>
      deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2)`, [6, 'outside']),
    );
    expect(outside).toBe(false);
    const nul = await transactionBegunWithFirstStatement(dataSource, async (tx) => {
      await tx.query(`SELECT 1`);
      return deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2)`, [7, 'a\0b']);
    });
    expect(nul).toBe(false);
    expect(await notes()).toEqual([]);
  });

  it('prepares nothing for a data source configured without prepared statements (behind a pooler)', async () => {
    const unpreparedSource = await createDataSource(db.url, 1).initialize();
    withoutPreparedStatements(unpreparedSource);
    try {
      sent = [];
      const seen = await transactionBegunWithFirstStatement(unpreparedSource, async (tx) => {
        await tx.query(`SELECT count(*) FROM trip_test WHERE id = $1`, [20]);
        deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2)`, [20, 'pooled']);
        return (await tx.query(`SELECT note FROM trip_test WHERE id = $1`, [20])) as { note: string }[];
      });
      expect(seen).toEqual([{ note: 'pooled' }]);
      expect(sent.join('\n')).not.toMatch(/PREPARE|EXECUTE|named/);
      expect(sent[0]).toBe(`START TRANSACTION; SELECT count(*) FROM trip_test WHERE id = '20'`);
    } finally {
      await unpreparedSource.destroy();
    }
  });
});
