import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { RepublishBallots1764200000003 } from '../../migrations/1764200000003-republish-ballots';
import { canonicalJson } from '../../src/engine/canonical-json';
import { StandingService } from '../../src/organizations/standing.service';
import { SealedBallotsJanitor } from '../../src/voting/sealed-ballots-janitor.service';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { Http } from '../support/http';
import { CLUSTER, orgId, person, PROVINCES, type Province } from '../support/people';
import { conference, createNomination, step, submitWithDossier } from '../support/story';

jest.setTimeout(180_000);

/**
 * The threat: someone with the application's own read access to the database, at any moment of a vote. They can
 * read every table, the system columns (xmin, ctid) and physical order, and compare what they read before and
 * after each ballot. They must learn which organisations voted (turnout is public), and nothing that links a
 * choice or a receipt to one of them.
 */

interface Row {
  table: string;
  xmin: string;
  ctid: string;
  json: string;
}

/** Everything a reader of the application's tables sees, system columns included. */
async function readEverything(db: DataSource): Promise<Row[]> {
  const tables = (await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )) as { table_name: string }[];
  const rows: Row[] = [];
  for (const { table_name: table } of tables) {
    const found = (await db.query(
      `SELECT xmin::text AS xmin, ctid::text AS ctid, row_to_json(t)::text AS json FROM "${table}" t`,
    )) as { xmin: string; ctid: string; json: string }[];
    rows.push(...found.map((r) => ({ table, ...r })));
  }
  return rows;
}

const key = (r: Row) => `${r.table}|${r.ctid}|${r.xmin}`;
/** ctid "(page,item)" as a sortable pair. */
const position = (ctid: string) => ctid.replace(/[()]/g, '').split(',').map(Number) as [number, number];
const byPosition = (a: Row, b: Row) => {
  const [pa, ia] = position(a.ctid);
  const [pb, ib] = position(b.ctid);
  return pa - pb || ia - ib;
};

describe('the secret ballot against a reader of the database', () => {
  let t: TestApp;
  let leader: Http;
  const voters = {} as Record<Province, Http>;
  const flags: string[] = [];
  const certificates: string[] = [];
  const F = 'GOVERNMENT_FLAG';
  const C = 'PM_CERTIFICATE';

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
    for (const slug of Object.keys(PROVINCES) as Province[]) {
      voters[slug] = await person(t, `${slug}.voter`, 'CLUSTER_VOTER', PROVINCES[slug]);
    }
    // A year's places are filled once: the first session (certified) is 2023's, the next ones 2024's, where
    // Thái Bình deputises.
    const admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    const installed = await admin.put(`/clusters/${CLUSTER}/years/2024/leadership`, {
      leaderId: orgId('PROVINCE-36'),
      deputyIds: [orgId('PROVINCE-34'), orgId('PROVINCE-30')],
      reason: 'Thái Bình làm cụm phó năm 2024 (thử nghiệm)',
    });
    expect(installed.status).toBe(200);
    meetings[2023] = await conference(leader, { year: 2023 });
    meetings[2024] = await conference(leader, { year: 2024, heldOn: '2025-03-12' });
  });
  const meetings: Record<number, string> = {};
  afterAll(async () => {
    await t?.close();
  });

  let sessions = 0;
  const year = () => (sessions <= 1 ? 2023 : 2024);
  async function accepted(slug: Province, award: string, nominee?: Record<string, unknown>) {
    const officer = await person(t, `${slug}.officer`, 'NOMINATOR', PROVINCES[slug]);
    const id = await createNomination(officer, { award, nomineeOrg: PROVINCES[slug], nominee, year: year() });
    await submitWithDossier(officer, id);
    await step(leader, id, 'ACCEPT');
    return id;
  }

  /**
   * A new session of new candidates, opened: two provinces for the flag (another pair each time), three people
   * for the certificate.
   */
  async function openSession(): Promise<string> {
    const pairs: [Province, Province][] = [
      ['namdinh', 'thaibinh'],
      ['haiduong', 'ninhbinh'],
      ['hanam', 'vinhphuc'],
      ['bacninh', 'quangninh'],
    ];
    const [a, b] = pairs[sessions];
    sessions += 1;
    const individual = (slug: Province, fullName: string) => ({
      kind: 'individual',
      organizationId: orgId(PROVINCES[slug]),
      fullName: `${fullName} ${sessions}`,
      gender: 'female',
      position: 'Giám đốc Sở',
    });
    flags.splice(0, flags.length, await accepted(a, F), await accepted(b, F));
    certificates.splice(
      0,
      certificates.length,
      await accepted('hungyen', C, individual('hungyen', 'Nguyễn Thị Hoa')),
      await accepted('quangninh', C, individual('quangninh', 'Trần Thị Lan')),
      await accepted('bacninh', C, individual('bacninh', 'Lê Thị Mai')),
    );
    const created = await leader.post('/voting-sessions', {
      clusterId: CLUSTER,
      year: year(),
      meetingId: meetings[year()],
      items: [
        { awardType: F, nominationIds: flags },
        { awardType: C, nominationIds: certificates },
      ],
    });
    expect(created.status).toBe(201);
    const opened = await leader.post(`/voting-sessions/${created.body.id}/events`, { type: 'OPEN' });
    expect(opened.body.state).toBe('open');
    return created.body.id as string;
  }

  async function vote(http: Http, sessionId: string, choices: Record<string, string[]>) {
    const res = await http.post(`/voting-sessions/${sessionId}/ballots`, {
      choices: Object.entries(choices).map(([awardType, nominationIds]) => ({ awardType, nominationIds })),
    });
    expect(res.status).toBe(201);
    return res.body.receipt as string;
  }

  it('while the round is open, each ballot adds a turnout row and an opaque sealed row of one size, and nothing else', async () => {
    const sessionId = await openSession();
    const candidates = [...flags, ...certificates];
    const plan: [Province, Record<string, string[]>][] = [
      ['namdinh', { [F]: [flags[0]], [C]: [certificates[0], certificates[1]] }],
      ['thaibinh', { [F]: [flags[1]], [C]: [certificates[0]] }],
      ['haiduong', { [F]: [flags[0]], [C]: [] }],
      ['hungyen', { [F]: [flags[0]], [C]: [certificates[0], certificates[2]] }],
      ['quangninh', { [F]: [], [C]: [certificates[1]] }],
      ['ninhbinh', { [F]: [flags[0]], [C]: [certificates[0], certificates[1]] }],
      ['hanam', { [F]: [flags[1]], [C]: [certificates[2]] }],
    ];
    const receipts: string[] = [];
    const turnoutXmins = new Map<string, Province>();
    let before = await readEverything(t.dataSource);
    for (const [slug, choices] of plan) {
      const receipt = await vote(voters[slug], sessionId, choices);
      receipts.push(receipt);
      const after = await readEverything(t.dataSource);
      // What a reader comparing two readings learns from one ballot: its transaction wrote exactly two rows.
      const known = new Set(before.map(key));
      const turnout = after.find((r) => r.table === 'voting_turnout' && !known.has(key(r)))!;
      const added = after.filter((r) => r.xmin === turnout.xmin);
      expect(added.map((r) => r.table).sort()).toEqual(['voting_sealed_ballots', 'voting_turnout']);
      expect(JSON.parse(turnout.json).organization_id).toBe(orgId(PROVINCES[slug]));
      turnoutXmins.set(turnout.xmin, slug);
      // The sealed row names no candidate, no choice and no receipt, in any column.
      const sealed = added.find((r) => r.table === 'voting_sealed_ballots')!;
      for (const id of candidates) expect(sealed.json).not.toContain(id);
      for (const code of receipts) expect(sealed.json).not.toContain(code);
      expect(sealed.json).not.toContain(F);
      // No receipt issued so far is readable anywhere while the round is open.
      const everything = after.map((r) => r.json).join('\n');
      for (const code of receipts) expect(everything).not.toContain(code);
      before = after;
    }
    // Every sealed ballot has the same size, whatever it chose (one candidate, five, or none).
    const sizes = (await t.dataSource.query(
      `SELECT octet_length(sealed) AS size FROM voting_sealed_ballots WHERE session_id = $1`,
      [sessionId],
    )) as { size: number }[];
    expect(sizes).toHaveLength(plan.length);
    expect(new Set(sizes.map((s) => s.size)).size).toBe(1);
    // Nothing readable joins a choice to a voter through a shared transaction id.
    const byXmin = (await readEverything(t.dataSource)).filter((r) => turnoutXmins.has(r.xmin));
    for (const row of byXmin) for (const id of candidates) expect(row.json).not.toContain(id);

    // The close opens the box: ballots and receipts are published together, ordered by content.
    const closed = await leader.post(`/voting-sessions/${sessionId}/events`, { type: 'CLOSE' });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('tallied');
    const afterClose = await readEverything(t.dataSource);
    const sealedLeft = afterClose.filter(
      (r) => r.table === 'voting_sealed_ballots' && JSON.parse(r.json).session_id === sessionId,
    );
    expect(sealedLeft).toEqual([]);
    // The worker vacuums the sealed rows away: not even their dead tuples' ciphertexts remain in the pages. (A
    // transaction that began before the close and still runs keeps them one more sweep: hence the retries.)
    await t.dataSource.query(`CREATE EXTENSION IF NOT EXISTS pageinspect`);
    await eventually(
      async () => {
        expect(await t.get(SealedBallotsJanitor).sweep()).toBe(true);
        const [{ pages }] = (await t.dataSource.query(
          `SELECT pg_relation_size('voting_sealed_ballots') / current_setting('block_size')::int AS pages`,
        )) as { pages: string }[];
        for (let page = 0; page < Number(pages); page++) {
          const items = (await t.dataSource.query(
            `SELECT count(*)::int AS n FROM heap_page_items(get_raw_page('voting_sealed_ballots', $1)) WHERE t_data IS NOT NULL`,
            [page],
          )) as { n: number }[];
          expect(items[0].n).toBe(0);
        }
      },
      60_000,
      500,
    );
    const ballots = afterClose
      .filter((r) => r.table === 'voting_ballots' && JSON.parse(r.json).session_id === sessionId)
      .sort(byPosition);
    const published = afterClose
      .filter((r) => r.table === 'voting_receipts' && JSON.parse(r.json).session_id === sessionId)
      .sort(byPosition);
    expect(ballots).toHaveLength(plan.length);
    expect(published.map((r) => JSON.parse(r.json).code)).toEqual([...receipts].sort());
    // One transaction wrote them all, and it is none of the ballots' transactions.
    const xmins = new Set([...ballots, ...published].map((r) => r.xmin));
    expect(xmins.size).toBe(1);
    for (const xmin of xmins) expect(turnoutXmins.has(xmin)).toBe(false);
    // Their physical order is the order of their content, not the order of casting.
    const contents = ballots.map((r) => canonicalJson(JSON.parse(r.json).choices));
    expect(contents).toEqual([...contents].sort());
    const cast = plan.map(([, choices]) =>
      canonicalJson(Object.fromEntries(Object.entries(choices).map(([a, ids]) => [a, [...ids].sort()]))),
    );
    expect([...contents].sort()).toEqual([...cast].sort());

    // The tally counted each ballot once: 4 approvals for Nam Định's flag.
    const view = await leader.get(`/voting-sessions/${sessionId}`);
    const flag = view.body.results.candidates.find(
      (c: { nominationId: string }) => c.nominationId === flags[0],
    );
    expect(flag.approvals).toBe(4);
    expect(view.body.receipts[0].codes).toEqual([...receipts].sort());

    // Certification writes the minutes and changes nothing of the above.
    const certified = await leader.post(`/voting-sessions/${sessionId}/events`, { type: 'CERTIFY' });
    expect(certified.body.state).toBe('certified');
    const afterCertify = await readEverything(t.dataSource);
    const stillThere = afterCertify.filter(
      (r) =>
        (r.table === 'voting_ballots' || r.table === 'voting_receipts') &&
        JSON.parse(r.json).session_id === sessionId,
    );
    expect(stillThere.map(key).sort()).toEqual([...ballots, ...published].map(key).sort());
    for (const row of afterCertify.filter((r) => turnoutXmins.has(r.xmin))) {
      for (const code of receipts) expect(row.json).not.toContain(code);
      for (const id of candidates) expect(row.json).not.toContain(id);
    }
  });

  it('a ballot that fails midway leaves neither turnout nor ballot, and the organisation can vote again', async () => {
    const sessionId = await openSession();
    await vote(voters.namdinh, sessionId, { [F]: [flags[0]], [C]: [] });
    // The database fails the ballot's write after the turnout row was inserted in the same statement.
    await t.dataSource.query(`
      CREATE FUNCTION fail_sealed_ballot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk failure while writing a ballot'; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER fail_sealed_ballot BEFORE INSERT ON voting_sealed_ballots FOR EACH ROW EXECUTE FUNCTION fail_sealed_ballot()`,
    );
    try {
      const failed = await voters.bacninh.post(`/voting-sessions/${sessionId}/ballots`, {
        choices: [{ awardType: F, nominationIds: [flags[1]] }],
      });
      expect(failed.status).toBeGreaterThanOrEqual(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER fail_sealed_ballot ON voting_sealed_ballots`);
      await t.dataSource.query(`DROP FUNCTION fail_sealed_ballot()`);
    }
    const turnout = await t.dataSource.query(
      `SELECT organization_id FROM voting_turnout WHERE session_id = $1`,
      [sessionId],
    );
    expect(turnout).toEqual([{ organization_id: orgId(PROVINCES.namdinh) }]);
    await vote(voters.bacninh, sessionId, { [F]: [flags[1]] });
    const counts = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM voting_turnout WHERE session_id = $1) AS turnout,
              (SELECT count(*)::int FROM voting_sealed_ballots WHERE session_id = $1) AS sealed`,
      [sessionId],
    );
    expect(counts).toEqual([{ turnout: 2, sealed: 2 }]);
    // A cancelled session keeps no sealed ballot: nothing is left to open, whoever gets the secret later.
    await leader.post(`/voting-sessions/${sessionId}/events`, { type: 'CANCEL', reason: 'thử nghiệm' });
    const left = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM voting_sealed_ballots WHERE session_id = $1`,
      [sessionId],
    );
    expect(left).toEqual([{ n: 0 }]);
  });

  it('does the same database work for every ballot, whatever it chooses', async () => {
    // Statistics views, pg_stat_statements and locks show what statements a ballot ran: they must not depend on
    // whether it chose anybody, or its own unit's candidate.
    await t.dataSource.query(
      `UPDATE award_policies SET rules = jsonb_set(rules, '{vote,selfVote}', 'false') WHERE rules ? 'vote'`,
    );
    try {
      const sessionId = await openSession();
      const seen: string[][] = [];
      const original = Client.prototype.query as (...a: unknown[]) => unknown;
      let recording: [unknown, string][] | null = null;
      (Client.prototype as unknown as { query: unknown }).query = function (
        this: unknown,
        ...args: unknown[]
      ) {
        const q = args[0] as string | { text: string };
        recording?.push([this, typeof q === 'string' ? q : (q?.text ?? '')]);
        return original.apply(this, args);
      };
      try {
        for (const [slug, choices] of [
          ['bacninh', { [F]: [flags[0]], [C]: [certificates[0]] }],
          ['hanam', { [F]: [], [C]: [] }],
          ['vinhphuc', { [F]: [flags[1]] }],
        ] as [Province, Record<string, string[]>][]) {
          // Same conditions for each ballot: the caller's standing is read afresh every time.
          t.get(StandingService).invalidate();
          recording = [];
          await vote(voters[slug], sessionId, choices);
          // The ballot's own transaction: the statements of the connection that wrote the sealed ballot, from
          // its START TRANSACTION to its COMMIT (background work of other connections left out).
          const all = recording;
          recording = null;
          const writer = all.find(([, text]) => text.includes('voting_sealed_ballots'))![0];
          // What it chose is in none of its statements' text (which pg_stat_activity shows while one runs).
          const texts = all.map(([, text]) => text).join('\n');
          for (const chosen of Object.values(choices).flat()) expect(texts).not.toContain(chosen);
          // A transaction's BEGIN travels with its first statement, whose values are written in as literals:
          // compared as pg_stat_statements shows them, constants replaced. A statement is prepared the first time
          // its connection runs it (which depends on the connection's past, not on the ballot): compared as
          // executed.
          const mine = all
            .filter(([c]) => c === writer)
            .map(([, text]) =>
              text
                .replace(/'(?:[^']|'')*'/g, '?')
                .replace(/PREPARE (\w+) AS [\s\S]*?\n;\nEXECUTE \1\b/g, 'EXECUTE $1'),
            );
          const at = mine.findIndex((text) => text.includes('voting_sealed_ballots'));
          const begin = mine.slice(0, at).findLastIndex((text) => text.startsWith('START TRANSACTION'));
          seen.push(mine.slice(begin, mine.indexOf('COMMIT', at) + 1));
        }
      } finally {
        (Client.prototype as unknown as { query: unknown }).query = original;
      }
      expect(seen[0].length).toBeGreaterThan(3);
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
      await leader.post(`/voting-sessions/${sessionId}/events`, { type: 'CANCEL', reason: 'thử nghiệm' });
    } finally {
      await t.dataSource.query(
        `UPDATE award_policies SET rules = jsonb_set(rules, '{vote,selfVote}', 'true') WHERE rules ? 'vote'`,
      );
    }
  });

  it('sealed ballots survive a restart of the service; a server with another ballot secret cannot open them and changes nothing', async () => {
    const sessionId = await openSession();
    const receipts = [
      await vote(voters.namdinh, sessionId, { [F]: [flags[0]], [C]: [certificates[0]] }),
      await vote(voters.thaibinh, sessionId, { [F]: [flags[0]], [C]: [certificates[1]] }),
      await vote(voters.bacninh, sessionId, { [F]: [flags[1]], [C]: [certificates[0]] }),
    ];
    const on = (app: TestApp, http: Http) => new Http(app.url, http.token);
    // The service restarts (another process on the same database and secret): the vote goes on.
    const restarted = await startTestApp({
      queue: 'redis',
      databaseUrl: t.config.databaseUrl,
      sharedQueues: true,
    });
    try {
      for (const slug of ['haiduong', 'hungyen', 'ninhbinh'] as Province[]) {
        receipts.push(await vote(on(restarted, voters[slug]), sessionId, { [F]: [flags[0]], [C]: [] }));
      }
      // A server configured with another secret cannot open the box: the close is refused, nothing changes.
      const stranger = await startTestApp({
        queue: 'redis',
        databaseUrl: t.config.databaseUrl,
        env: { BALLOT_SECRET: 'another-ballot-secret-another-ballot-secret' },
        sharedQueues: true,
      });
      try {
        const refused = await on(stranger, leader).post(`/voting-sessions/${sessionId}/events`, {
          type: 'CLOSE',
        });
        expect(refused.status).toBe(503);
        expect(refused.body.error.code).toBe('VOTING.BALLOTS_UNREADABLE');
      } finally {
        await stranger.close();
      }
      const [{ state, sealed }] = (await t.dataSource.query(
        `SELECT w.state, (SELECT count(*)::int FROM voting_sealed_ballots WHERE session_id = w.id) AS sealed
           FROM workflow_instances w WHERE w.id = $1`,
        [sessionId],
      )) as { state: string; sealed: number }[];
      expect({ state, sealed }).toEqual({ state: 'open', sealed: 6 });

      const closed = await on(restarted, leader).post(`/voting-sessions/${sessionId}/events`, {
        type: 'CLOSE',
      });
      expect(closed.status).toBe(200);
      expect(closed.body.state).toBe('tallied');
      const flag = closed.body.results.candidates.find(
        (c: { nominationId: string }) => c.nominationId === flags[0],
      );
      expect(flag.approvals).toBe(5);
      expect(closed.body.receipts[0].codes).toEqual([...receipts].sort());
    } finally {
      await restarted.close();
    }
  });
});

describe('ballots stored before they were sealed', () => {
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
  });

  it('are written anew at the upgrade, so their transaction no longer links them to a turnout row', async () => {
    t = await startTestApp({ queue: 'redis' });
    const [{ id: sessionId }] = await t.dataSource.query(
      `INSERT INTO voting_sessions (id, cluster_id, year, items, eligible_org_ids, created_by, created_at)
       VALUES (gen_random_uuid(), $1, 2023, '[]', ARRAY[$2::uuid, $3::uuid], gen_random_uuid(), now()) RETURNING id`,
      [CLUSTER, orgId(PROVINCES.namdinh), orgId(PROVINCES.thaibinh)],
    );
    // As the earlier version cast them: turnout, ballot and receipt in the voter's own transaction.
    for (const [slug, code] of [
      ['namdinh', 'AAAAAAAAAA'],
      ['thaibinh', 'BBBBBBBBBB'],
    ] as const) {
      await t.dataSource.transaction(async (tx) => {
        await tx.query(`INSERT INTO voting_turnout (session_id, round, organization_id) VALUES ($1, 1, $2)`, [
          sessionId,
          orgId(PROVINCES[slug]),
        ]);
        await tx.query(
          `INSERT INTO voting_ballots (id, session_id, round, choices) VALUES (gen_random_uuid(), $1, 1, $2)`,
          [sessionId, { GOVERNMENT_FLAG: [slug] }],
        );
        await tx.query(`INSERT INTO voting_receipts (session_id, round, code) VALUES ($1, 1, $2)`, [
          sessionId,
          code,
        ]);
      });
    }
    const linked = `SELECT count(*)::int AS n FROM voting_turnout t
                      JOIN voting_ballots b ON b.xmin = t.xmin JOIN voting_receipts r ON r.xmin = t.xmin
                     WHERE t.session_id = $1`;
    expect((await t.dataSource.query(linked, [sessionId]))[0].n).toBe(2);
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await new RepublishBallots1764200000003().up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect((await t.dataSource.query(linked, [sessionId]))[0].n).toBe(0);
    const ballots = await t.dataSource.query(`SELECT choices FROM voting_ballots WHERE session_id = $1`, [
      sessionId,
    ]);
    expect(ballots).toHaveLength(2);
    const receipts = await t.dataSource.query(
      `SELECT code FROM voting_receipts WHERE session_id = $1 ORDER BY ctid`,
      [sessionId],
    );
    expect(receipts.map((r: { code: string }) => r.code)).toEqual(['AAAAAAAAAA', 'BBBBBBBBBB']);
  });
});
