import type { MigrationInterface, QueryRunner } from 'typeorm';
import { referenceId } from './1764150000001-reference-data';

/**
 * The rungs of the award ladder that the register needs, the state's orders and honorary titles decided by the
 * President, the yearly ratings and initiatives, and the standards (tiêu chuẩn) of the awards as policy data.
 *
 * Every standard's source note names where its numbers come from. "Unverified" means the text of Law
 * 06/2022/QH15 or Decree 152/2025/NĐ-CP itself could not be read: such criteria only warn (the Board decides with
 * a written reason), and the pages say that the rule is not verified.
 */

const DEADLINES = {
  appraisalWorkingDays: 10,
  consultationWorkingDays: 20,
  consultedAnswerWorkingDays: 10,
  responseWorkingDays: 10,
  reminderShare: 0.8,
  lapseOnExpiry: false,
};
const SUBMISSION = [
  { kind: 'proposal', copies: 1, stage: 'submission' },
  { kind: 'achievementReport', copies: 1, stage: 'submission' },
];
const NO_QUOTA = { perCluster: null, perNominatingUnit: null, shareOfEligible: null };
const DEADLINE_SOURCE =
  'Appraisal 10 working days from a complete dossier, 20 with consultation (hiệp y) (older Board rules).';

const baseRules = (publicityWorkingDays: number, prizeMultiple: number | null) => ({
  dossier: SUBMISSION,
  vote: null,
  quota: NO_QUOTA,
  tieBreak: [],
  deadlines: DEADLINES,
  publicityWorkingDays,
  prizeMultiple,
  groundsForHigherAwards: true,
});

const EMULATION_FIGHTERS_ABOVE_GRASSROOTS = ['PROVINCIAL_EMULATION_FIGHTER', 'MINISTRY_EMULATION_FIGHTER'];

/** The yearly ratings and recognised initiatives: register entries that standards count, not nominations. */
export const REGISTER_TITLES: [code: string, kind: string, kinds: string[], vi: string, en: string][] = [
  [
    'EXCELLENT_COMPLETION',
    'rating',
    ['individual', 'collective'],
    'Hoàn thành xuất sắc nhiệm vụ',
    'Completed its tasks excellently',
  ],
  ['ADVANCED_WORKER', 'rating', ['individual'], 'Lao động tiên tiến', 'Advanced worker'],
  [
    'EXCELLENT_LABOUR_COLLECTIVE',
    'rating',
    ['collective'],
    'Tập thể lao động xuất sắc',
    'Excellent labour collective',
  ],
  [
    'ADVANCED_LABOUR_COLLECTIVE',
    'rating',
    ['collective'],
    'Tập thể lao động tiên tiến',
    'Advanced labour collective',
  ],
  [
    'INITIATIVE_GRASSROOTS',
    'initiative',
    ['individual'],
    'Sáng kiến được công nhận cấp cơ sở',
    'Initiative recognised at grassroots level',
  ],
  [
    'INITIATIVE_PROVINCIAL',
    'initiative',
    ['individual'],
    'Sáng kiến có phạm vi ảnh hưởng cấp bộ, ban, ngành, tỉnh',
    'Initiative with ministry- or province-wide effect',
  ],
  [
    'INITIATIVE_NATIONAL',
    'initiative',
    ['individual'],
    'Sáng kiến có phạm vi ảnh hưởng toàn quốc',
    'Initiative with nation-wide effect',
  ],
];

const streak = (codes: string[], times: number, endingWithin = 0) => ({
  holds: { codes, times, consecutive: true, ...(endingWithin ? { endingWithin } : {}) },
});

/** The seeded standards, by award code (exported for the unit tests that check each against a register). */
export const STANDARDS: Record<string, { source: string; standard: Record<string, unknown> }> = {
  GRASSROOTS_EMULATION_FIGHTER: {
    source:
      'Law 06/2022/QH15, the article on the grassroots Emulation Fighter title (Chiến sĩ thi đua cơ sở): chosen among "Lao động tiên tiến" with an initiative recognised at grassroots level. UNVERIFIED: the text of the article could not be read; both criteria only warn.',
    standard: {
      verified: false,
      individual: [
        {
          key: 'advancedWorker',
          label: {
            vi: 'Đạt danh hiệu "Lao động tiên tiến" trong năm xét tặng',
            en: 'Advanced worker in the year considered',
          },
          severity: 'warning',
          rule: { holds: { codes: ['ADVANCED_WORKER'] } },
        },
        {
          key: 'initiative',
          label: {
            vi: 'Có sáng kiến được công nhận cấp cơ sở trong năm',
            en: 'An initiative recognised at grassroots level in the year',
          },
          severity: 'warning',
          rule: {
            holds: { codes: ['INITIATIVE_GRASSROOTS', 'INITIATIVE_PROVINCIAL', 'INITIATIVE_NATIONAL'] },
          },
        },
      ],
    },
  },
  PROVINCIAL_EMULATION_FIGHTER: {
    source:
      "Law 06/2022/QH15, the article on the ministry-, sector- and province-level Emulation Fighter: chosen among persons with three consecutive grassroots Emulation Fighter titles; considered in the year of the third (the older Law 2003 art. 22 and ministries' rules, e.g. Circular 08/2019/TT-BLĐTBXH art. 11, say the same). The three-in-a-row number is read from those texts; the article of Law 06/2022 itself was not read. Initiative with province-wide effect: UNVERIFIED, warning only.",
    standard: {
      verified: false,
      individual: [
        {
          key: 'threeGrassrootsFighter',
          label: {
            vi: 'Ba lần liên tục đạt danh hiệu "Chiến sĩ thi đua cơ sở", lần thứ ba trong năm xét tặng',
            en: 'Three consecutive grassroots Emulation Fighter titles, the third in the year considered',
          },
          severity: 'blocking',
          rule: streak(['GRASSROOTS_EMULATION_FIGHTER'], 3),
        },
        {
          key: 'provincialInitiative',
          label: {
            vi: 'Có sáng kiến có phạm vi ảnh hưởng cấp bộ, ban, ngành, tỉnh (chưa đối chiếu văn bản)',
            en: 'An initiative with ministry- or province-wide effect (not verified)',
          },
          severity: 'warning',
          rule: { holds: { codes: ['INITIATIVE_PROVINCIAL', 'INITIATIVE_NATIONAL'], window: 3 } },
        },
      ],
    },
  },
  NATIONAL_EMULATION_FIGHTER: {
    source:
      'Law 06/2022/QH15, the article on the National Emulation Fighter (Chiến sĩ thi đua toàn quốc): "chosen among persons with 02 consecutive ministry-, sector- or province-level Emulation Fighter titles" and an initiative applied with nation-wide effect (the clause as quoted by a published summary of the Law; checked). The second title may be of the year considered or of the year before (considered the year after the second, as the ministries\' rules say). The initiative is a warning: recognised initiatives are often not in the register.',
    standard: {
      verified: true,
      individual: [
        {
          key: 'twoProvincialFighter',
          label: {
            vi: 'Hai lần liên tục đạt danh hiệu "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"',
            en: 'Two consecutive ministry- or province-level Emulation Fighter titles',
          },
          severity: 'blocking',
          rule: streak(EMULATION_FIGHTERS_ABOVE_GRASSROOTS, 2, 1),
        },
        {
          key: 'nationalInitiative',
          label: {
            vi: 'Có sáng kiến được áp dụng hiệu quả, có khả năng nhân rộng trong toàn quốc',
            en: 'An initiative applied effectively with nation-wide reach',
          },
          severity: 'warning',
          rule: { holds: { codes: ['INITIATIVE_NATIONAL'], window: 6 } },
        },
      ],
    },
  },
  LABOUR_ORDER_3: {
    source:
      "Law 06/2022/QH15 art. 44 (Huân chương Lao động hạng Ba): the Prime Minister's Certificate of Merit, then five or more consecutive years of tasks completed excellently (and, for an individual, two consecutive ministry- or province-level Emulation Fighter titles as another ground). UNVERIFIED: the article's text could not be read; the criteria only warn.",
    standard: {
      verified: false,
      individual: [
        {
          key: 'ladder',
          label: {
            vi: 'Đã được tặng Bằng khen của Thủ tướng Chính phủ, 05 năm tiếp theo liên tục hoàn thành xuất sắc nhiệm vụ; hoặc hai lần liên tục Chiến sĩ thi đua cấp bộ, tỉnh (chưa đối chiếu văn bản)',
            en: "PM's Certificate then five consecutive excellent years; or two consecutive ministry/province Emulation Fighter titles (not verified)",
          },
          severity: 'warning',
          rule: {
            any: [
              {
                holdsThen: {
                  codes: ['PM_CERTIFICATE'],
                  then: { codes: ['EXCELLENT_COMPLETION'], years: 5 },
                },
              },
              streak(EMULATION_FIGHTERS_ABOVE_GRASSROOTS, 2, 1),
            ],
          },
        },
      ],
      collective: [
        {
          key: 'ladder',
          label: {
            vi: 'Đã được tặng Bằng khen của Thủ tướng Chính phủ, 05 năm tiếp theo liên tục hoàn thành xuất sắc nhiệm vụ (chưa đối chiếu văn bản)',
            en: "PM's Certificate then five consecutive excellent years (not verified)",
          },
          severity: 'warning',
          rule: {
            holdsThen: {
              codes: ['PM_CERTIFICATE'],
              then: { codes: ['EXCELLENT_COMPLETION', 'EXCELLENT_LABOUR_COLLECTIVE'], years: 5 },
            },
          },
        },
      ],
    },
  },
  LABOUR_ORDER_2: {
    source:
      'Law 06/2022/QH15 art. 44 (Huân chương Lao động hạng Nhì): the third-class Labour Order, then five or more consecutive excellent years. UNVERIFIED: the text could not be read; warning only.',
    standard: {
      verified: false,
      individual: [ladderAfter('LABOUR_ORDER_3', 'Huân chương Lao động hạng Ba', 'third-class Labour Order')],
      collective: [ladderAfter('LABOUR_ORDER_3', 'Huân chương Lao động hạng Ba', 'third-class Labour Order')],
    },
  },
  LABOUR_ORDER_1: {
    source:
      'Law 06/2022/QH15 art. 44 (Huân chương Lao động hạng Nhất): the second-class Labour Order, then five or more consecutive excellent years. UNVERIFIED: the text could not be read; warning only.',
    standard: {
      verified: false,
      individual: [
        ladderAfter('LABOUR_ORDER_2', 'Huân chương Lao động hạng Nhì', 'second-class Labour Order'),
      ],
      collective: [
        ladderAfter('LABOUR_ORDER_2', 'Huân chương Lao động hạng Nhì', 'second-class Labour Order'),
      ],
    },
  },
};

function ladderAfter(code: string, vi: string, en: string) {
  return {
    key: 'ladder',
    label: {
      vi: `Đã được tặng ${vi}, 05 năm tiếp theo liên tục hoàn thành xuất sắc nhiệm vụ (chưa đối chiếu văn bản)`,
      en: `The ${en}, then five consecutive excellent years (not verified)`,
    },
    severity: 'warning',
    rule: {
      holdsThen: {
        codes: [code],
        then: { codes: ['EXCELLENT_COMPLETION', 'EXCELLENT_LABOUR_COLLECTIVE'], years: 5 },
      },
    },
  };
}

type NewAward = [code: string, vi: string, en: string, kinds: string[], decidedBy: string, route: string];

export const LADDER_AWARDS: NewAward[] = [
  [
    'GRASSROOTS_EMULATION_FIGHTER',
    'Chiến sĩ thi đua cơ sở',
    'Grassroots Emulation Fighter',
    ['individual'],
    'unit_head',
    'provincial',
  ],
  [
    'MINISTRY_EMULATION_FIGHTER',
    'Chiến sĩ thi đua cấp bộ, ban, ngành',
    'Ministry-level Emulation Fighter',
    ['individual'],
    'minister',
    'provincial',
  ],
  [
    'LABOUR_ORDER_3',
    'Huân chương Lao động hạng Ba',
    'Labour Order, third class',
    ['collective', 'individual'],
    'president',
    'presidential',
  ],
  [
    'LABOUR_ORDER_2',
    'Huân chương Lao động hạng Nhì',
    'Labour Order, second class',
    ['collective', 'individual'],
    'president',
    'presidential',
  ],
  [
    'LABOUR_ORDER_1',
    'Huân chương Lao động hạng Nhất',
    'Labour Order, first class',
    ['collective', 'individual'],
    'president',
    'presidential',
  ],
  [
    'HERO_OF_LABOUR',
    'Anh hùng Lao động',
    'Hero of Labour (state honorary title)',
    ['collective', 'individual'],
    'president',
    'presidential',
  ],
];

const PUBLICITY_SOURCE =
  'Orders and state honorary titles: candidates published for at least 10 working days for public comment (DOMAIN.md; article not verified).';

export class AwardLadder1764250000001 implements MigrationInterface {
  name = 'AwardLadder1764250000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The Office of the President records the President's decisions.
    await queryRunner.query(
      `INSERT INTO organizations (id, code, kind, name_vi, name_en, valid_from)
       VALUES ($1, 'PRESIDENT_OFFICE', 'president_office', 'Văn phòng Chủ tịch nước', 'Office of the President', '1997-01-01')
       ON CONFLICT (code) DO NOTHING`,
      [referenceId('org', 'PRESIDENT_OFFICE')],
    );
    let order = 0;
    for (const [code, kind, kinds, vi, en] of REGISTER_TITLES) {
      await queryRunner.query(
        `INSERT INTO register_titles (code, kind, nominee_kinds, name_vi, name_en, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
        [code, kind, kinds, vi, en, order++],
      );
    }
    order = 100;
    for (const [code, vi, en, kinds, decidedBy, route] of LADDER_AWARDS) {
      await queryRunner.query(
        `INSERT INTO award_types (code, name_vi, name_en, nominee_kinds, decided_by, route, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
        [code, vi, en, kinds, decidedBy, route, order++],
      );
      const presidential = route === 'presidential';
      const standard = STANDARDS[code];
      await this.policy(queryRunner, code, 1, '2025-07-01', {
        source: [
          presidential
            ? `Decided by the President on the Prime Minister's proposal (Law 06/2022/QH15). ${PUBLICITY_SOURCE}`
            : 'Decided at the level of the unit or the ministry (Law 06/2022/QH15).',
          standard ? `Standard: ${standard.source}` : 'Standard: not seeded (text not found).',
          DEADLINE_SOURCE,
        ].join(' '),
        rules: {
          ...baseRules(presidential ? 10 : 0, null),
          ...(standard ? { standard: standard.standard } : {}),
        },
      });
    }
    // Existing awards: a new policy version carrying the standard, from Decree 152/2025's entry into force.
    for (const [code, version, prizeMultiple] of [
      ['PROVINCIAL_EMULATION_FIGHTER', 2, 3.0],
      ['NATIONAL_EMULATION_FIGHTER', 2, 4.5],
    ] as const) {
      const standard = STANDARDS[code];
      await this.policy(queryRunner, code, version, '2025-07-01', {
        source: `Decree 152/2025/NĐ-CP (in force 1 July 2025), prize ${prizeMultiple} × base salary (Decree 98/2023 art. 54, unchanged). Standard: ${standard.source} ${DEADLINE_SOURCE}`,
        rules: { ...baseRules(0, prizeMultiple), standard: standard.standard },
      });
    }
  }

  private async policy(
    queryRunner: QueryRunner,
    code: string,
    version: number,
    effectiveFrom: string,
    p: { source: string; rules: Record<string, unknown> },
  ): Promise<void> {
    await queryRunner.query(
      `INSERT INTO award_policies (id, award_type, version, effective_from, source, rules)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [
        referenceId('policy', `${code}@${version}`),
        code,
        version,
        effectiveFrom,
        p.source,
        JSON.stringify(p.rules),
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const ids = [
      ...LADDER_AWARDS.map(([code]) => referenceId('policy', `${code}@1`)),
      referenceId('policy', 'PROVINCIAL_EMULATION_FIGHTER@2'),
      referenceId('policy', 'NATIONAL_EMULATION_FIGHTER@2'),
    ];
    await queryRunner.query(`DELETE FROM award_policies WHERE id = ANY($1::uuid[])`, [ids]);
    await queryRunner.query(`DELETE FROM award_types WHERE code = ANY($1)`, [LADDER_AWARDS.map((a) => a[0])]);
    await queryRunner.query(`DELETE FROM register_titles`);
    await queryRunner.query(`DELETE FROM organizations WHERE code = 'PRESIDENT_OFFICE'`);
  }
}
