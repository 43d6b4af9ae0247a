import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stable ids for reference data, so that every installation names the same organisation the same way. */
export function referenceId(kind: string, code: string): string {
  const h = createHash('sha256').update(`thidua:${kind}:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Org = [code: string, kind: string, vi: string, en: string, provinceCode: number | null];

const CENTRAL: Org[] = [
  ['MOHA', 'ministry', 'Bộ Nội vụ', 'Ministry of Home Affairs', null],
  [
    'BOARD',
    'board',
    'Ban Thi đua – Khen thưởng Trung ương',
    'Central Emulation and Commendation Board',
    null,
  ],
  [
    'COUNCIL',
    'council',
    'Hội đồng Thi đua – Khen thưởng Trung ương',
    'Central Emulation and Commendation Council',
    null,
  ],
  ['GOVERNMENT_OFFICE', 'government_office', 'Văn phòng Chính phủ', 'Government Office', null],
];

/** The 2023 cluster of DOMAIN.md; province codes are the pre-2025 statistical codes. */
export const RED_RIVER_DELTA_2023: Org[] = [
  ['PROVINCE-34', 'province', 'Thái Bình', 'Thai Binh', 34],
  ['PROVINCE-27', 'province', 'Bắc Ninh', 'Bac Ninh', 27],
  ['PROVINCE-30', 'province', 'Hải Dương', 'Hai Duong', 30],
  ['PROVINCE-36', 'province', 'Nam Định', 'Nam Dinh', 36],
  ['PROVINCE-33', 'province', 'Hưng Yên', 'Hung Yen', 33],
  ['PROVINCE-22', 'province', 'Quảng Ninh', 'Quang Ninh', 22],
  ['PROVINCE-37', 'province', 'Ninh Bình', 'Ninh Binh', 37],
  ['PROVINCE-35', 'province', 'Hà Nam', 'Ha Nam', 35],
  ['PROVINCE-26', 'province', 'Vĩnh Phúc', 'Vinh Phuc', 26],
];

const CLUSTER: Org = [
  'CLUSTER-RRD',
  'cluster',
  'Cụm thi đua các tỉnh Đồng bằng sông Hồng',
  'Emulation cluster of the Red River Delta provinces',
  null,
];

const orgId = (code: string) => referenceId('org', code);

/** Leadership: Thái Bình hosted the 2023 review conference; the conference installed Nam Định, Hải Dương, Ninh Bình. */
const LEADERSHIP: Record<number, { leader: string; deputies: string[] }> = {
  2023: { leader: 'PROVINCE-34', deputies: [] },
  2024: { leader: 'PROVINCE-36', deputies: ['PROVINCE-30', 'PROVINCE-37'] },
};

const DEADLINES = {
  appraisalWorkingDays: 10,
  consultationWorkingDays: 20,
  consultedAnswerWorkingDays: 10,
  responseWorkingDays: 10,
  reminderShare: 0.8,
  lapseOnExpiry: false,
};
const VOTE = {
  approvalShare: 0.5,
  approvalBase: 'eligible',
  strictlyMore: true,
  quorumShare: 2 / 3,
  selfVote: true,
};
const SUBMISSION = [
  { kind: 'proposal', copies: 1, stage: 'submission' },
  { kind: 'achievementReport', copies: 1, stage: 'submission' },
];
const NO_QUOTA = { perCluster: null, perNominatingUnit: null, shareOfEligible: null };

const VOTE_SOURCE =
  'Vote threshold and quorum: no current official figure found; default more than half of the eligible voters and a two-thirds quorum. Self-votes allowed (no rule found).';
const DEADLINE_SOURCE =
  'Appraisal 10 working days from a complete dossier, 20 with consultation (hiệp y), consulted bodies 10 (older Board rules).';

type Award = [
  code: string,
  vi: string,
  en: string,
  kinds: string[],
  decidedBy: string,
  route: string,
  policies: { effectiveFrom: string; source: string; rules: Record<string, unknown> }[],
];

const clusterAward = (perCluster: number, prizeMultiple: number | null, prizeNote: string) => [
  {
    effectiveFrom: '2024-01-15',
    source: `Decree 98/2023/NĐ-CP. Quota: ${perCluster} per cluster (the seed conference: 1 flag, 2 certificates). ${prizeNote} ${VOTE_SOURCE} Ties: run-off. ${DEADLINE_SOURCE}`,
    rules: {
      dossier: [...SUBMISSION, { kind: 'voteMinutes', copies: 1, stage: 'forwarding' }],
      vote: VOTE,
      quota: { ...NO_QUOTA, perCluster },
      tieBreak: ['runoff'],
      deadlines: DEADLINES,
      publicityWorkingDays: 0,
      prizeMultiple,
      groundsForHigherAwards: true,
    },
  },
  {
    effectiveFrom: '2025-07-01',
    source: `Decree 152/2025/NĐ-CP (in force 1 July 2025); art. 4: among equal candidates women, and collectives at least 70 % female, are preferred, then a run-off. Quota: ${perCluster} per cluster. ${prizeNote} ${VOTE_SOURCE} ${DEADLINE_SOURCE}`,
    rules: {
      dossier: [...SUBMISSION, { kind: 'voteMinutes', copies: 1, stage: 'forwarding' }],
      vote: VOTE,
      quota: { ...NO_QUOTA, perCluster },
      tieBreak: ['female', 'femaleCollective70', 'runoff'],
      deadlines: DEADLINES,
      publicityWorkingDays: 0,
      prizeMultiple,
      groundsForHigherAwards: true,
    },
  },
];

const provincialAward = (
  prizeMultiple: number | null,
  note: string,
  extra: Partial<{ dossier: unknown[]; deadlines: typeof DEADLINES; groundsForHigherAwards: boolean }> = {},
) => [
  {
    effectiveFrom: '2024-01-15',
    source: `Decree 98/2023/NĐ-CP, unchanged by Decree 152/2025. ${note}`,
    rules: {
      dossier: SUBMISSION,
      vote: null,
      quota: NO_QUOTA,
      tieBreak: [],
      deadlines: DEADLINES,
      publicityWorkingDays: 0,
      prizeMultiple,
      groundsForHigherAwards: true,
      ...extra,
    },
  },
];

export const AWARDS: Award[] = [
  [
    'GOVERNMENT_FLAG',
    'Cờ thi đua của Chính phủ',
    'Government Emulation Flag',
    ['collective'],
    'prime_minister',
    'cluster',
    clusterAward(1, 12.0, 'Prize: 12.0 × base salary (Decree 98/2023 art. 54).'),
  ],
  [
    'PM_CERTIFICATE',
    'Bằng khen của Thủ tướng Chính phủ',
    "Prime Minister's Certificate of Merit",
    ['collective', 'individual'],
    'prime_minister',
    'cluster',
    clusterAward(2, null, 'Prize: not in the sources consulted.'),
  ],
  [
    'NATIONAL_EMULATION_FIGHTER',
    'Chiến sĩ thi đua toàn quốc',
    'National Emulation Fighter',
    ['individual'],
    'prime_minister',
    'direct',
    [
      {
        effectiveFrom: '2024-01-15',
        source: `Decree 98/2023/NĐ-CP. Prize: 4.5 × base salary (art. 54, unchanged by Decree 152/2025). No quota found. ${DEADLINE_SOURCE}`,
        rules: {
          dossier: SUBMISSION,
          vote: null,
          quota: NO_QUOTA,
          tieBreak: [],
          deadlines: DEADLINES,
          publicityWorkingDays: 0,
          prizeMultiple: 4.5,
          groundsForHigherAwards: true,
        },
      },
    ],
  ],
  [
    'PROVINCIAL_FLAG',
    'Cờ thi đua cấp tỉnh',
    'Provincial Emulation Flag',
    ['collective'],
    'provincial_chairman',
    'provincial',
    provincialAward(8.0, 'Prize: 8.0 × base salary (ministry/province flag).'),
  ],
  [
    'PROVINCIAL_CERTIFICATE',
    'Bằng khen của Chủ tịch UBND tỉnh',
    "Provincial chairman's Certificate of Merit",
    ['collective', 'individual'],
    'provincial_chairman',
    'provincial',
    provincialAward(null, 'Prize: not in the sources consulted.'),
  ],
  [
    'PROVINCIAL_EMULATION_FIGHTER',
    'Chiến sĩ thi đua cấp tỉnh',
    'Provincial Emulation Fighter',
    ['individual'],
    'provincial_chairman',
    'provincial',
    provincialAward(3.0, 'Prize: 3.0 × base salary.'),
  ],
  [
    'EXCEPTIONAL_REWARD',
    'Khen thưởng đột xuất',
    'Exceptional-achievement reward',
    ['collective', 'individual'],
    'provincial_chairman',
    'provincial',
    provincialAward(
      null,
      'Simplified procedure (thủ tục đơn giản): proposal and a short summary. Cannot be grounds for higher awards (Decree 152/2025 art. 4). Appraisal limit 5 working days: no official figure found.',
      {
        dossier: [
          { kind: 'proposal', copies: 1, stage: 'submission' },
          { kind: 'summary', copies: 1, stage: 'submission' },
        ],
        deadlines: { ...DEADLINES, appraisalWorkingDays: 5, responseWorkingDays: 5 },
        groundsForHigherAwards: false,
      },
    ),
  ],
];

/** Reference data: central bodies, the 2023 Red River Delta cluster with its 2023 and 2024 leadership, the award catalogue. */
export class ReferenceData1764150000001 implements MigrationInterface {
  name = 'ReferenceData1764150000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const orgs = [...CENTRAL, ...RED_RIVER_DELTA_2023, CLUSTER];
    for (const [code, kind, vi, en, provinceCode] of orgs) {
      await queryRunner.query(
        `INSERT INTO organizations (id, code, kind, name_vi, name_en, province_code, parent_id, valid_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '1997-01-01') ON CONFLICT (code) DO NOTHING`,
        [orgId(code), code, kind, vi, en, provinceCode, code === 'BOARD' ? orgId('MOHA') : null],
      );
    }
    for (const year of [2023, 2024]) {
      const { leader, deputies } = LEADERSHIP[year];
      for (const [code] of RED_RIVER_DELTA_2023) {
        const role = code === leader ? 'leader' : deputies.includes(code) ? 'deputy' : 'member';
        await queryRunner.query(
          `INSERT INTO cluster_memberships (cluster_id, year, organization_id, role) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [orgId(CLUSTER[0]), year, orgId(code), role],
        );
      }
    }
    let order = 0;
    for (const [code, vi, en, kinds, decidedBy, route, policies] of AWARDS) {
      await queryRunner.query(
        `INSERT INTO award_types (code, name_vi, name_en, nominee_kinds, decided_by, route, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
        [code, vi, en, kinds, decidedBy, route, order++],
      );
      let version = 1;
      for (const p of policies) {
        await queryRunner.query(
          `INSERT INTO award_policies (id, award_type, version, effective_from, source, rules)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [
            referenceId('policy', `${code}@${version}`),
            code,
            version,
            p.effectiveFrom,
            p.source,
            JSON.stringify(p.rules),
          ],
        );
        version++;
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM award_policies WHERE created_by IS NULL`);
    await queryRunner.query(`DELETE FROM award_types`);
    await queryRunner.query(`DELETE FROM cluster_memberships WHERE cluster_id = $1`, [orgId(CLUSTER[0])]);
    const codes = [...CENTRAL, ...RED_RIVER_DELTA_2023, CLUSTER].map((o) => o[0]);
    await queryRunner.query(`DELETE FROM organizations WHERE code = ANY($1)`, [codes]);
  }
}
