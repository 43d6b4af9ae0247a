import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import {
  deferWrite,
  isStalePrepared,
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
      /^START TRANSACTION; PREPARE (\w+) AS SELECT count\(\*\) FROM trip_test WHERE id = \$1\n;\nEXECUTE \1\('1'\)$/,
    );
    expect(sent[1]).toMatch(
      /^PREPARE (\w+) AS INSERT INTO trip_test .*\n;\nEXECUTE \1\('1', 'it''s held'\)\n;\nCOMMIT$/s,
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
    expect(sent[1]).toMatch(/^EXECUTE \w+\('11', NULL\)\n;\nCOMMIT$/);
    sent = [];
    expect(await notes()).toEqual(['10:ten', '11:none']);
  });

  /** The server process of the pool's one connection, as a command's first statement sees it. */
  const backend = () =>
    transactionBegunWithFirstStatement(dataSource, async (tx) => {
      const [{ pid }] = (await tx.query(`SELECT pg_backend_pid() AS pid WHERE $1::int = 1`, [1])) as {
        pid: number;
      }[];
      return pid;
    });

  it('a held-back write that fails rolls the whole transaction back, and its connection is replaced', async () => {
    await dataSource.query(`INSERT INTO trip_test (id, note) VALUES (3, 'there')`);
    const before = await backend();
    sent = [];
    const attempt = transactionBegunWithFirstStatement(dataSource, async (tx) => {
      await tx.query(`UPDATE trip_test SET note = $2 WHERE id = $1`, [3, 'changed']);
      deferWrite(tx, `INSERT INTO trip_test (id, note) VALUES ($1, $2) ON CONFLICT (note) DO NOTHING`, [
        3,
        'x',
      ]);
    });
    // The held-back write names a conflict target that has no unique index: it fails at the COMMIT's message.
    await expect(attempt).rejects.toMatchObject({ code: '42P10' });
    const [{ note }] = (await dataSource.query(`SELECT note FROM trip_test WHERE id = 3`)) as {
      note: string;
    }[];
    expect(note).toBe('there');
    expect(sent).toContain('ROLLBACK');
    // Which of that message's PREPAREs took effect is not known (a PREPARE is not rolled back): the connection was
    // closed, and the next command runs on a new one, which prepares anew.
    sent = [];
    expect(await backend()).not.toBe(before);
    expect(sent[0]).toMatch(/^START TRANSACTION; PREPARE /);
  });

  it('a held-back write never sent leaves nothing recorded as prepared', async () => {
    const write = `INSERT INTO trip_test (id, note) VALUES ($1, $2) -- never sent before`;
    await expect(
      transactionBegunWithFirstStatement(dataSource, async (tx) => {
        await tx.query(`SELECT 1`);
        deferWrite(tx, write, [30, 'first']);
        throw new Error('refused after the write was held back');
      }),
    ).rejects.toThrow('refused');
    // The same write on the same connection: it must be prepared, not only executed.
    await transactionBegunWithFirstStatement(dataSource, async (tx) => {
      await tx.query(`SELECT 1`);
      deferWrite(tx, write, [31, 'second']);
    });
    expect(await notes()).toEqual(['31:second']);
  });

  it('a statement a schema change left stale closes its connection and can be run again', async () => {
    const read = () =>
      transactionBegunWithFirstStatement(dataSource, async (tx) => {
        await tx.query(`SELECT 1 WHERE $1::int = 1`, [1]);
        return (await tx.query(`SELECT * FROM trip_test WHERE id = $1`, [40])) as unknown[];
      });
    await dataSource.query(`INSERT INTO trip_test (id, note) VALUES (40, 'forty')`);
    expect(await read()).toEqual([{ id: 40, note: 'forty' }]);
    const before = await backend();
    await dataSource.query(`ALTER TABLE trip_test ADD COLUMN added int`);
    try {
      const error = await read().catch((e: unknown) => e);
      expect(isStalePrepared(error)).toBe(true);
      expect(await backend()).not.toBe(before);
      expect(await read()).toEqual([{ id: 40, note: 'forty', added: null }]);
    } finally {
      await dataSource.query(`ALTER TABLE trip_test DROP COLUMN added`);
    }
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
