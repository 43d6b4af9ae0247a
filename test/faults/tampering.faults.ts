import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { query, VERIFY_CLI } from './support/processes';
import { saveLogs, startStack, type Stack } from './support/stack';
import { recordScenario, scale } from './support/summary';
import { call, runLoad } from './support/world';

/**
 * History rows altered directly in SQL (as a superuser who disables the append-only trigger, alters, and enables
 * it again) are reported by the verifier: the audit API, the nomination's history and the CLI.
 */
describe('fault: history rows tampered with in SQL', () => {
  let stack: Stack;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({ apis: 1, workers: 1 });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  /** Runs statements with the append-only trigger disabled, in one transaction (as a superuser can). */
  async function behindTheEnginesBack(statements: [string, unknown[]][]): Promise<void> {
    const client = new Client({ connectionString: stack.dbUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE workflow_history DISABLE TRIGGER workflow_history_append_only');
      for (const [text, params] of statements) await client.query(text, params);
      await client.query('ALTER TABLE workflow_history ENABLE TRIGGER workflow_history_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }

  it('reports every altered, deleted or forged history row, and only those chains', async () => {
    await runLoad({
      apis: stack.apiUrls,
      cast: stack.cast,
      nominations: scale(12, 6),
      concurrency: 4,
      ledger: stack.ledger,
      supplementDueMs: 60_000,
    });
    const ids = [...stack.ledger.nominations];
    // The trigger refuses an ordinary UPDATE.
    const refused = await query(
      stack.dbUrl,
      `UPDATE workflow_history SET event_type = 'X' WHERE instance_id = $1`,
      [ids[0]],
    ).then(
      () => 'applied',
      (e: Error) => e.message,
    );
    const violations: string[] = [];
    let checked = 1;
    if (!/append-only/.test(refused)) violations.push(`an UPDATE of history was not refused: ${refused}`);

    const tamperings: { id: string; what: string; sql: [string, unknown[]][] }[] = [
      {
        id: ids[0],
        what: 'event payload altered',
        sql: [
          [
            `UPDATE workflow_history SET event = event || '{"forged":true}' WHERE instance_id = $1 AND seq = 2`,
            [ids[0]],
          ],
        ],
      },
      {
        id: ids[1],
        what: 'actor replaced',
        sql: [
          [
            `UPDATE workflow_history SET actor = jsonb_set(actor, '{id}', '"someone-else"') WHERE instance_id = $1 AND seq = 3`,
            [ids[1]],
          ],
        ],
      },
      {
        id: ids[2],
        what: 'a middle row deleted',
        sql: [[`DELETE FROM workflow_history WHERE instance_id = $1 AND seq = 3`, [ids[2]]]],
      },
      {
        id: ids[3],
        what: 'the last row deleted',
        sql: [
          [
            `DELETE FROM workflow_history WHERE instance_id = $1 AND seq = (SELECT max(seq) FROM workflow_history WHERE instance_id = $1)`,
            [ids[3]],
          ],
        ],
      },
      {
        id: ids[4],
        what: 'time rewritten',
        sql: [
          [
            `UPDATE workflow_history SET created_at = created_at - interval '30 days' WHERE instance_id = $1 AND seq = 4`,
            [ids[4]],
          ],
        ],
      },
      {
        id: ids[5],
        what: 'a forged row appended',
        sql: [
          [
            `INSERT INTO workflow_history (instance_id, seq, machine_version, event_type, event, from_state, to_state, actor, created_at, prev_hash, hash)
             SELECT instance_id, seq + 1, machine_version, 'PM_DECIDED', '{"type":"PM_DECIDED","outcome":"awarded"}', to_state, 'awarded', actor, now(), hash, repeat('0', 64)
               FROM workflow_history WHERE instance_id = $1 ORDER BY seq DESC LIMIT 1`,
            [ids[5]],
          ],
        ],
      },
    ];
    for (const t of tamperings) await behindTheEnginesBack(t.sql);
    const tampered = new Set(tamperings.map((t) => t.id));
    const base = stack.apis[0].url;
    const { admin, board, officer } = stack.cast;

    // The audit API, one chain at a time.
    for (const id of ids) {
      const one = await call(base, 'GET', `/audit/history/${id}`, { token: board.token });
      checked++;
      const expectValid = !tampered.has(id);
      if (one.status !== 200 || one.body.valid !== expectValid)
        violations.push(
          `GET /audit/history/${id} answered ${one.status} valid=${one.body?.valid}, expected valid=${expectValid} (${tamperings.find((t) => t.id === id)?.what ?? 'intact'})`,
        );
    }
    // The nomination's own history says whether its chain verifies.
    for (const t of tamperings) {
      const history = await call(base, 'GET', `/nominations/${t.id}/history`, { token: officer.token });
      checked++;
      const verdict = JSON.stringify(history.body);
      if (history.status !== 200 || history.body?.verified !== false || !(history.body?.problems?.length > 0))
        violations.push(
          `GET /nominations/${t.id}/history (${t.what}) did not say the chain is broken: ${verdict.slice(0, 300)}`,
        );
    }
    // All chains at once, by the API and by the CLI.
    const all = await call(base, 'POST', '/audit/history/verification', { token: admin.token });
    checked++;
    const reported = new Set(
      ((all.body?.invalid ?? []) as { instanceId: string }[]).map((i) => i.instanceId),
    );
    if (
      ![200, 201].includes(all.status) ||
      [...tampered].some((id) => !reported.has(id)) ||
      reported.size !== tampered.size
    )
      violations.push(
        `POST /audit/history/verification reported ${[...reported]} for ${[...tampered]} (status ${all.status})`,
      );
    const cli = spawnSync(process.execPath, [VERIFY_CLI], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: stack.dbUrl },
      encoding: 'utf8',
    });
    checked++;
    const cliReport = JSON.parse(cli.stdout.slice(0, cli.stdout.lastIndexOf('}') + 1)) as {
      invalid: { instanceId: string }[];
    };
    const cliIds = new Set(cliReport.invalid.map((i) => i.instanceId));
    if (cli.status !== 1 || cliIds.size !== tampered.size || [...tampered].some((id) => !cliIds.has(id)))
      violations.push(`verify-history exited ${cli.status} and reported ${[...cliIds]}`);
    // The CLI on one intact chain says it verifies.
    const intact = ids.find((id) => !tampered.has(id));
    if (intact) {
      checked++;
      const one = spawnSync(process.execPath, [VERIFY_CLI, intact], {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: stack.dbUrl },
        encoding: 'utf8',
      });
      if (one.status !== 0) violations.push(`verify-history ${intact} exited ${one.status}`);
    }
    if (violations.length > 0) saveLogs(stack, 'history-tampering');
    recordScenario({
      scenario: 'history-tampering',
      requests: stack.ledger.requests + ids.length + tamperings.length + 1,
      faults: tamperings.length,
      invariantsChecked: checked,
      violations: violations.length,
      violationList: violations,
      seconds: Math.round((Date.now() - started) / 1000),
      details: { chains: ids.length, tampered: tamperings.map((t) => t.what) },
    });
    expect(violations).toEqual([]);
  });
});
