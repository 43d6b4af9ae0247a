import { ROLES, type Role } from '../../../src/auth/roles';
import { mayAct, maySee, maySeeAsVoter, NOMINATION_ACCESS } from '../../../src/nominations/nomination-access';
import type { Standing } from '../../../src/organizations/standing.service';
import { latestWorkflow } from '../../../workflows';

const NAM_DINH = 'org-nam-dinh';
const THAI_BINH = 'org-thai-binh';
const VINH_PHUC = 'org-vinh-phuc';
const CLUSTER = 'cluster-rrd';
const CENTRAL = [
  'CENTRAL_APPRAISER',
  'COUNCIL_MEMBER',
  'COUNCIL_SECRETARY',
  'PM_OFFICE',
  'PRESIDENT_OFFICE',
  'ADMIN',
];

/** The caller's standing: `own` stands in the relation its role needs to the nomination; `foreign` in none. */
function standing(role: Role, side: 'own' | 'foreign'): Standing {
  const org = side === 'own' ? (role === 'CLUSTER_LEADER' ? THAI_BINH : NAM_DINH) : VINH_PHUC;
  return {
    role,
    organizationId: org,
    orgIds: [org],
    governedOrgIds: [org],
    ledClusterYears: role === 'CLUSTER_LEADER' && side === 'own' ? [{ clusterId: CLUSTER, year: 2023 }] : [],
    memberships: [{ clusterId: CLUSTER, year: 2023 }],
    orgActive: true,
  };
}

/**
 * The access rules written out by hand, per route: which role, standing in its own relation to the nomination,
 * may send which event. Everything else — other roles, foreign organisations, system events — is refused.
 */
const EXPECTED: Record<string, Partial<Record<Role, string[]>>> = {
  cluster: {
    NOMINATOR: ['RESUBMIT', 'SUBMIT', 'SUPPLEMENT', 'WITHDRAW'],
    CLUSTER_LEADER: ['ACCEPT', 'FORWARD', 'RETURN'],
    CENTRAL_APPRAISER: [
      'APPRAISAL_PASSED',
      'APPRAISAL_REJECTED',
      'REQUEST_CONSULTATION',
      'REQUEST_SUPPLEMENT',
    ],
    COUNCIL_SECRETARY: ['COUNCIL_APPROVED', 'COUNCIL_REJECTED'],
    PM_OFFICE: ['PM_DECIDED'],
  },
  direct: {
    NOMINATOR: ['RESUBMIT', 'SUBMIT', 'SUPPLEMENT', 'WITHDRAW'],
    PROVINCE_APPROVER: ['ACCEPT', 'FORWARD', 'RETURN'],
    CENTRAL_APPRAISER: [
      'APPRAISAL_PASSED',
      'APPRAISAL_REJECTED',
      'REQUEST_CONSULTATION',
      'REQUEST_SUPPLEMENT',
    ],
    COUNCIL_SECRETARY: ['COUNCIL_APPROVED', 'COUNCIL_REJECTED'],
    PM_OFFICE: ['PM_DECIDED'],
  },
  presidential: {
    NOMINATOR: ['RESUBMIT', 'SUBMIT', 'SUPPLEMENT', 'WITHDRAW'],
    PROVINCE_APPROVER: ['ACCEPT', 'FORWARD', 'RETURN'],
    CENTRAL_APPRAISER: [
      'APPRAISAL_PASSED',
      'APPRAISAL_REJECTED',
      'REQUEST_CONSULTATION',
      'REQUEST_SUPPLEMENT',
    ],
    COUNCIL_SECRETARY: ['COUNCIL_APPROVED', 'COUNCIL_REJECTED'],
    PM_OFFICE: ['PM_PROPOSED'],
    PRESIDENT_OFFICE: ['PRESIDENT_DECIDED'],
  },
  provincial: {
    NOMINATOR: ['RESUBMIT', 'SUBMIT', 'WITHDRAW'],
    PROVINCE_APPROVER: ['APPRAISAL_PASSED', 'APPRAISAL_REJECTED', 'CHAIRMAN_DECIDED', 'RETURN'],
  },
};

const MACHINE = {
  cluster: 'nomination',
  direct: 'nomination',
  presidential: 'nomination',
  provincial: 'provincialAward',
} as const;

describe('the nomination access table', () => {
  for (const route of ['cluster', 'direct', 'presidential', 'provincial'] as const) {
    const events = Object.keys(latestWorkflow(MACHINE[route])!.events);
    const nomination = {
      route,
      nominatingOrgId: NAM_DINH,
      clusterId: route === 'cluster' ? CLUSTER : null,
      year: 2023,
    };

    it(`${route}: names only events of its machine`, () => {
      for (const event of Object.keys(NOMINATION_ACCESS[route])) expect(events).toContain(event);
    });

    for (const role of ROLES) {
      for (const side of ['own', 'foreign'] as const) {
        it(`${route}: ${role} (${side} organisation) may send exactly its events`, () => {
          const s = standing(role, side);
          const allowed = events.filter((e) => mayAct(e, s, nomination)).sort();
          const expected = side === 'own' || CENTRAL.includes(role) ? (EXPECTED[route][role] ?? []) : [];
          expect(allowed).toEqual(expected);
        });
      }
    }
  }

  it('lets nobody act for an organisation that has ended', () => {
    const ended = { ...standing('NOMINATOR', 'own'), orgActive: false };
    expect(
      mayAct('SUBMIT', ended, {
        route: 'cluster',
        nominatingOrgId: NAM_DINH,
        clusterId: CLUSTER,
        year: 2023,
      }),
    ).toBe(false);
  });

  it('limits the cluster leader to the years it leads', () => {
    const s = standing('CLUSTER_LEADER', 'own');
    expect(
      mayAct('ACCEPT', s, { route: 'cluster', nominatingOrgId: NAM_DINH, clusterId: CLUSTER, year: 2023 }),
    ).toBe(true);
    expect(
      mayAct('ACCEPT', s, { route: 'cluster', nominatingOrgId: NAM_DINH, clusterId: CLUSTER, year: 2024 }),
    ).toBe(false);
    expect(maySee(s, { route: 'cluster', nominatingOrgId: NAM_DINH, clusterId: CLUSTER, year: 2024 })).toBe(
      false,
    );
  });

  it('shows a nomination to its unit, its cluster leadership, its province and the centre only', () => {
    const n = { route: 'cluster' as const, nominatingOrgId: NAM_DINH, clusterId: CLUSTER, year: 2023 };
    const seen = ROLES.flatMap((role) =>
      (['own', 'foreign'] as const)
        .filter((side) => maySee(standing(role, side), n))
        .map((side) => `${role}:${side}`),
    );
    expect(seen.sort()).toEqual(
      [
        'NOMINATOR:own',
        'PROVINCE_APPROVER:own',
        'CLUSTER_LEADER:own',
        'CLUSTER_VOTER:own',
        ...CENTRAL.flatMap((r) => [`${r}:own`, `${r}:foreign`]),
      ].sort(),
    );
  });
});

describe("a member's delegate reads the candidates of the sessions it votes in", () => {
  const session = (...orgs: string[]) => ({ eligibleOrgIds: orgs });
  it('lets a CLUSTER_VOTER of an eligible organisation read, and nobody else by this rule', () => {
    const voter = { ...standing('CLUSTER_VOTER', 'foreign'), orgIds: [VINH_PHUC] };
    expect(maySeeAsVoter(voter, [session(NAM_DINH, VINH_PHUC)])).toBe(true);
    expect(maySeeAsVoter(voter, [session(NAM_DINH, THAI_BINH)])).toBe(false);
    expect(maySeeAsVoter(voter, [])).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'CLUSTER_VOTER')) {
      expect(maySeeAsVoter({ ...voter, role }, [session(VINH_PHUC)])).toBe(false);
    }
    // The delegate of a successor votes in the seat of the organisation it succeeded (its lineage).
    const heir = { ...voter, organizationId: 'org-heir', orgIds: ['org-heir', VINH_PHUC] };
    expect(maySeeAsVoter(heir, [session(VINH_PHUC)])).toBe(true);
  });
});
