'use strict';

const { randomUUID } = require('node:crypto');
const { ROOT } = require('./server');

const dist = (p) => require(`${ROOT}/dist/${p}`);
const { referenceId } = dist('migrations/1764150000001-reference-data');
const { hashPassword } = dist('src/auth/passwords');
const { demoPdf } = dist('src/seed/demo-pdf');

const orgId = (code) => referenceId('org', code);
const PASSWORD = 'bench password, not a secret';
const CLUSTER = orgId('CLUSTER-RRD');

/** The nine provinces of the 2023 Red River Delta cluster (reference data); Thái Bình led it in 2023. */
const PROVINCES = [
  'PROVINCE-34',
  'PROVINCE-27',
  'PROVINCE-30',
  'PROVINCE-36',
  'PROVINCE-33',
  'PROVINCE-22',
  'PROVINCE-37',
  'PROVINCE-35',
  'PROVINCE-26',
];

/**
 * The people of the benchmark: one officer (NOMINATOR) per province, the 2023 cluster leader, the Board. Written
 * straight into `users` (one argon2id hash for all), then signed in over HTTP like any client.
 */
async function seedPeople(db, client) {
  const hash = await hashPassword(PASSWORD);
  const people = [
    ...PROVINCES.map((code) => ({ key: `officer:${code}`, role: 'NOMINATOR', org: code })),
    { key: 'leader', role: 'CLUSTER_LEADER', org: 'PROVINCE-34' },
    { key: 'board', role: 'CENTRAL_APPRAISER', org: 'BOARD' },
  ];
  for (const p of people) {
    p.id = randomUUID();
    p.email = `${p.key.replace(/[^a-z0-9]+/gi, '.').toLowerCase()}@bench.thidua.vn`;
    await db.query(
      `INSERT INTO users (id, email, password_hash, full_name, role, organization_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [p.id, p.email, hash, `Bench ${p.key}`, p.role, orgId(p.org)],
    );
  }
  const clients = {};
  for (const p of people) {
    const res = await client.post('/auth/login', { email: p.email, password: PASSWORD });
    if (res.status !== 200) throw new Error(`login of ${p.email}: ${res.status} ${JSON.stringify(res.body)}`);
    clients[p.key] = Object.assign(client.as(res.body.accessToken), { userId: p.id, org: p.org });
  }
  return clients;
}

/**
 * Nominations to drive round the submit → return → resubmit cycle: created, given their dossier and submitted
 * over HTTP by the officers of the nine provinces in turn (Prime Minister's Certificates of Merit, 2023).
 */
async function seedCycleNominations(people, count, tag) {
  const pdfs = { proposal: demoPdf('proposal'), achievementReport: demoPdf('achievement report') };
  const drivers = [];
  for (let i = 0; i < count; i++) {
    const org = PROVINCES[i % PROVINCES.length];
    const officer = people[`officer:${org}`];
    const created = await officer.post('/nominations', {
      awardType: 'PM_CERTIFICATE',
      year: 2023,
      clusterId: CLUSTER,
      nominee: {
        kind: 'individual',
        organizationId: orgId(org),
        fullName: `Nguyễn Văn ${tag} ${i}`,
        gender: i % 2 ? 'female' : 'male',
        position: 'Chuyên viên',
      },
      summary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id;
    for (const [kind, content] of Object.entries(pdfs)) {
      const up = await officer.upload(id, kind, content);
      if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
    }
    const submitted = await officer.post(`/nominations/${id}/events`, { type: 'SUBMIT' });
    if (submitted.status !== 200)
      throw new Error(`SUBMIT: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    drivers.push({ id, state: 'submitted', officer, leader: people.leader });
  }
  return drivers;
}

// ---- scale: many nominations written with SQL -------------------------------------------------------------------

const POLICY = {
  requiredDocuments: ['proposal', 'achievementReport'],
  appraisalWorkingDays: 10,
  consultationWorkingDays: 20,
  responseWorkingDays: 10,
  reminderShare: 0.8,
  lapseOnExpiry: false,
};

/** Award types with their share of all nominations (provincial certificates are by far the most numerous). */
const AWARD_MIX = [
  ['GOVERNMENT_FLAG', 'cluster', 0.02],
  ['PM_CERTIFICATE', 'cluster', 0.1],
  ['NATIONAL_EMULATION_FIGHTER', 'direct', 0.03],
  ['PROVINCIAL_FLAG', 'provincial', 0.07],
  ['PROVINCIAL_CERTIFICATE', 'provincial', 0.58],
  ['PROVINCIAL_EMULATION_FIGHTER', 'provincial', 0.1],
  ['EXCEPTIONAL_REWARD', 'provincial', 0.1],
];

/** States by route with weights: past years are mostly decided, the current year mostly in progress. */
const STATES = {
  nomination: {
    past: [
      ['awarded', 0.55],
      ['rejected', 0.1],
      ['notSelected', 0.15],
      ['withdrawn', 0.05],
      ['centralAppraisal', 0.05],
      ['councilReview', 0.04],
      ['pmProposal', 0.06],
    ],
    current: [
      ['draft', 0.15],
      ['submitted', 0.2],
      ['returned', 0.08],
      ['accepted', 0.12],
      ['voting', 0.05],
      ['selected', 0.08],
      ['centralAppraisal', 0.12],
      ['supplementRequested', 0.03],
      ['councilReview', 0.05],
      ['pmProposal', 0.04],
      ['awarded', 0.04],
      ['rejected', 0.02],
      ['withdrawn', 0.02],
    ],
  },
  provincialAward: {
    past: [
      ['awarded', 0.8],
      ['rejected', 0.1],
      ['withdrawn', 0.05],
      ['appraised', 0.05],
    ],
    current: [
      ['draft', 0.2],
      ['submitted', 0.3],
      ['returned', 0.1],
      ['appraised', 0.15],
      ['awarded', 0.2],
      ['rejected', 0.03],
      ['withdrawn', 0.02],
    ],
  },
};
const FINAL = ['awarded', 'rejected', 'withdrawn', 'notSelected'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const CURRENT_YEAR = 2025;

/** A CASE expression picking a value by cumulative weights from the random number `r`. */
function weighted(r, pairs) {
  let acc = 0;
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const arms = pairs.slice(0, -1).map(([value, w]) => {
    acc += w / total;
    return `WHEN ${r} < ${acc.toFixed(6)} THEN '${value}'`;
  });
  return `CASE ${arms.join(' ')} ELSE '${pairs[pairs.length - 1][0]}' END`;
}

/**
 * Ninety nominating units (the nine reference provinces, 54 more provinces and 27 ministries) in ten clusters, so
 * that nominations spread over organisations as in the country. Idempotent.
 */
async function seedOrganizations(db) {
  const units = [...PROVINCES];
  const extra = [];
  for (let i = 1; i <= 54; i++) extra.push([`BENCH-PROVINCE-${i}`, 'province', `Tỉnh ${i}`, `Province ${i}`]);
  for (let i = 1; i <= 27; i++) extra.push([`BENCH-MINISTRY-${i}`, 'ministry', `Bộ ${i}`, `Ministry ${i}`]);
  for (let i = 1; i <= 9; i++)
    extra.push([`BENCH-CLUSTER-${i}`, 'cluster', `Cụm thi đua ${i}`, `Cluster ${i}`]);
  for (const [code, kind, vi, en] of extra) {
    await db.query(
      `INSERT INTO organizations (id, code, kind, name_vi, name_en, valid_from) VALUES ($1, $2, $3, $4, $5, '1997-01-01')
       ON CONFLICT (code) DO NOTHING`,
      [orgId(code), code, kind, vi, en],
    );
    if (kind !== 'cluster') units.push(code);
  }
  const clusters = [CLUSTER, ...Array.from({ length: 9 }, (_, i) => orgId(`BENCH-CLUSTER-${i + 1}`))];
  await db.query(`DROP TABLE IF EXISTS bench_units`);
  await db.query(
    `CREATE TABLE bench_units (idx int PRIMARY KEY, id uuid NOT NULL, cluster_id uuid NOT NULL)`,
  );
  await db.query(
    `INSERT INTO bench_units SELECT i - 1, u, c FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS x(u, c, i)`,
    [units.map(orgId), units.map((_, i) => (i < PROVINCES.length ? CLUSTER : clusters[i % clusters.length]))],
  );
  return units.length;
}

/**
 * Adds `count` nominations (and their workflow instances, in a valid snapshot of their machine) with INSERT …
 * SELECT generate_series: units skewed towards the larger ones, years 2019–2025, the award mix above, states by
 * route and year.
 */
async function seedNominations(db, from, count, unitCount) {
  const policies = AWARD_MIX.map(([code]) => referenceId('policy', `${code}@1`));
  const award = weighted(
    'r_award',
    AWARD_MIX.map(([code, , w]) => [code, w]),
  );
  const routeOf = `CASE award_type ${AWARD_MIX.map(([code, route]) => `WHEN '${code}' THEN '${route}'`).join(' ')} END`;
  const state = (machine, when) => weighted('r_state', STATES[machine][when]);
  const nominationCtx = {
    route: 'cluster',
    policy: POLICY,
    returns: 0,
    supplements: 0,
    lastReason: null,
    overdue: false,
    consultation: false,
    vote: null,
    rejectedAt: null,
    decision: null,
  };
  const provincialCtx = {
    policy: POLICY,
    returns: 0,
    lastReason: null,
    overdue: false,
    rejectedAt: null,
    decision: null,
  };
  await db.query(`SET synchronous_commit = off`);
  await db.query(`DROP TABLE IF EXISTS bench_gen`);
  await db.query(
    `CREATE TEMP TABLE bench_gen AS
     WITH r AS (
       SELECT g, gen_random_uuid() AS id, random() AS r_unit, random() AS r_year, random() AS r_award,
              random() AS r_state, random() AS r_time
         FROM generate_series($1::int + 1, $1::int + $2::int) AS g
     ), a AS (
       SELECT r.*, u.id AS org_id, u.cluster_id AS unit_cluster,
              ($3::int[])[1 + floor(r_year * array_length($3::int[], 1))::int] AS year,
              ${award} AS award_type
         FROM r JOIN bench_units u ON u.idx = least($4::int - 1, floor(power(r_unit, 1.6) * $4::int)::int)
     ), b AS (
       SELECT a.*, ${routeOf} AS route FROM a
     ), c AS (
       SELECT b.*, CASE WHEN route = 'provincial' THEN 'provincialAward' ELSE 'nomination' END AS machine FROM b
     )
     SELECT c.*,
            CASE WHEN machine = 'nomination' AND year < $5 THEN ${state('nomination', 'past')}
                 WHEN machine = 'nomination' THEN ${state('nomination', 'current')}
                 WHEN year < $5 THEN ${state('provincialAward', 'past')}
                 ELSE ${state('provincialAward', 'current')} END AS state,
            make_timestamptz(year, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') + r_time * interval '360 days' AS created_at
       FROM c`,
    [from, count, YEARS, unitCount, CURRENT_YEAR],
  );
  // notSelected exists only on the cluster route.
  await db.query(`UPDATE bench_gen SET state = 'awarded' WHERE state = 'notSelected' AND route <> 'cluster'`);
  await db.query(
    `INSERT INTO workflow_instances (id, machine_id, machine_version, state, snapshot, version, head_hash, created_at, updated_at)
     SELECT id, machine, 1, state,
            jsonb_build_object(
              'value', state,
              'status', CASE WHEN state = ANY($3::text[]) THEN 'done' ELSE 'active' END,
              'context', CASE WHEN machine = 'nomination'
                              THEN $1::jsonb || jsonb_build_object('nominationId', id, 'route', route)
                              ELSE $2::jsonb || jsonb_build_object('nominationId', id) END),
            CASE WHEN state = 'draft' THEN 1 ELSE 4 END, repeat('0', 64), created_at, created_at + interval '20 days'
       FROM bench_gen`,
    [JSON.stringify(nominationCtx), JSON.stringify(provincialCtx), FINAL],
  );
  await db.query(
    // Dossier numbers written here: the insert trigger would count each one on its year's and award's counter row,
    // a million updates of a few rows in one transaction.
    `INSERT INTO nominations (id, dossier_number, award_type, year, route, cluster_id, nominating_org_id, nominee_kind,
       nominee_org_id, nominee_name, nominee_key, summary, policy_id, state, search_text, created_by, created_at,
       updated_at, submitted_at, forwarded_at, decided_at)
     SELECT id, year || '-' || dossier_prefix(award_type) || '-B' || lpad(g::text, 7, '0'), award_type, year, route,
            CASE WHEN route = 'cluster' THEN unit_cluster END, org_id, 'collective', org_id,
            'Tập thể ' || g, 'bench:' || g, 'Hoàn thành xuất sắc nhiệm vụ năm ' || year,
            ($1::uuid[])[array_position($2::text[], award_type::text)], state,
            'tap the ' || g || ' hoan thanh xuat sac ' || year || '-' || lower(dossier_prefix(award_type)) || '-b' || lpad(g::text, 7, '0'),
            $3::uuid, created_at, created_at + interval '20 days',
            CASE WHEN state <> 'draft' THEN created_at + interval '2 days' END,
            CASE WHEN route = 'cluster' AND state IN ('centralAppraisal', 'supplementRequested', 'councilReview', 'pmProposal', 'awarded')
                 THEN created_at + interval '10 days' END,
            CASE WHEN state = ANY($4::text[]) THEN created_at + interval '20 days' END
       FROM bench_gen`,
    [policies, AWARD_MIX.map(([code]) => code), randomUUID(), FINAL],
  );
  await db.query(`DROP TABLE bench_gen`);
  await db.query(`ANALYZE nominations`);
  await db.query(`ANALYZE workflow_instances`);
}

module.exports = {
  seedPeople,
  seedCycleNominations,
  seedOrganizations,
  seedNominations,
  orgId,
  PROVINCES,
  CLUSTER,
  CURRENT_YEAR,
};
