import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AwardsService } from '../awards/awards.service';
import type { PolicyRules } from '../awards/policy-rules';
import { StandingService } from '../organizations/standing.service';
import { RegisterErrors } from './register.errors';
import { inScope, registerScope } from './register-scope';
import { RegisterService, type EntryView } from './register.service';
import { evaluateCriteria, type Criterion, type Severity } from './standards/rule-language';

export interface EligibilitySubject {
  kind: 'individual' | 'collective';
  personId: string | null;
  organizationId: string;
}

export interface CriterionResult {
  key: string;
  label: { vi: string; en: string };
  severity: Severity;
  met: boolean;
  evidence: EntryView[];
}

export interface Eligibility {
  awardType: string;
  year: number;
  policy: { id: string; version: number; effectiveFrom: string };
  /** Whether the standard's numbers were checked against the text of the law (else the pages say so). */
  verified: boolean;
  /** False when the policy in force has no standard for this kind of nominee: nothing to check. */
  hasStandard: boolean;
  criteria: CriterionResult[];
  blockingUnmet: number;
  warningsUnmet: number;
}

/** What the history records of an evaluation: each criterion's verdict and the ids of its evidence. */
export function eligibilityFacts(e: Eligibility) {
  return {
    policyId: e.policy.id,
    verified: e.verified,
    criteria: e.criteria.map((c) => ({
      key: c.key,
      severity: c.severity,
      met: c.met,
      evidence: c.evidence.map((v) => ({ id: v.id, code: v.code, year: v.year })),
    })),
    blockingUnmet: e.blockingUnmet,
    warningsUnmet: e.warningsUnmet,
  };
}

/** Evaluates awards' standards (policy data) against the register. */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsService,
    private readonly register: RegisterService,
    private readonly standings: StandingService,
  ) {}

  /** The standard of `rules` for a subject, evaluated for a nomination of `year`. */
  async evaluate(
    tx: EntityManager,
    awardType: string,
    policy: { id: string; version: number; effectiveFrom: string; rules: PolicyRules },
    subject: EligibilitySubject,
    year: number,
  ): Promise<Eligibility> {
    const criteria: Criterion[] = policy.rules.standard?.[subject.kind] ?? [];
    const entries =
      subject.kind === 'individual'
        ? subject.personId
          ? await this.register.facts(tx, { lineageOf: subject.personId })
          : []
        : await this.register.facts(tx, { organizationId: subject.organizationId });
    // Awards that may not be cited as grounds for a higher one (exceptional rewards, Decree 152/2025 art. 4)
    // never count.
    const notGrounds = await this.awards.notGrounds(tx);
    const counted = entries.filter((e) => !notGrounds.has(e.code));
    const byId = new Map(entries.map((e) => [e.id, e.view]));
    const outcomes = evaluateCriteria(criteria, counted, year).map((o) => ({
      ...o,
      evidence: o.evidence.map((id) => byId.get(id)!),
    }));
    return {
      awardType,
      year,
      policy: { id: policy.id, version: policy.version, effectiveFrom: policy.effectiveFrom },
      verified: policy.rules.standard?.verified ?? true,
      hasStandard: criteria.length > 0,
      criteria: outcomes,
      blockingUnmet: outcomes.filter((o) => !o.met && o.severity === 'blocking').length,
      warningsUnmet: outcomes.filter((o) => !o.met && o.severity === 'warning').length,
    };
  }

  /**
   * For a unit and a year: who among its people and collectives (the unit and the units directly under it)
   * meets every criterion of each award's standard in force ("đủ điều kiện đề nghị").
   */
  async suggestions(principal: Principal, organizationId: string, year: number, awardType?: string) {
    const scope = registerScope(await this.standings.of(principal));
    if (!inScope(scope, organizationId)) throw RegisterErrors.organizationNotFound(organizationId);
    if (!Number.isInteger(year) || year < 1945 || year > 2200)
      throw RegisterErrors.invalid('year must be a year', { field: 'year' });
    const tx = this.dataSource.manager;
    const types = (await tx.query(`SELECT code FROM award_types ORDER BY sort_order, code`)) as {
      code: string;
    }[];
    if (awardType && !types.some((t) => t.code === awardType)) throw RegisterErrors.unknownAward(awardType);
    const units = (await tx.query(
      `SELECT id, name_vi AS "nameVi", name_en AS "nameEn" FROM organizations
        WHERE (id = $1 OR parent_id = $1) AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY name_vi`,
      [organizationId, scope],
    )) as { id: string; nameVi: string; nameEn: string }[];
    const people = (await tx.query(
      `SELECT id, full_name AS "fullName", organization_id AS "organizationId" FROM persons
        WHERE merged_into_id IS NULL AND organization_id = ANY($1::uuid[]) ORDER BY name_key, id`,
      [units.map((u) => u.id)],
    )) as { id: string; fullName: string; organizationId: string }[];
    const names = await this.awards.typeNames();
    const suggestions: {
      awardType: { code: string; nameVi: string; nameEn: string };
      nominee: {
        kind: 'individual' | 'collective';
        personId: string | null;
        organizationId: string;
        name: string;
      };
      eligibility: Eligibility;
    }[] = [];
    for (const { code } of types) {
      if (awardType && code !== awardType) continue;
      const policy = await this.awards.policyInForce(code).catch(() => null);
      if (!policy?.rules.standard) continue;
      const candidates = [
        ...(policy.rules.standard.individual?.length
          ? people.map((p) => ({
              kind: 'individual' as const,
              personId: p.id,
              organizationId: p.organizationId,
              name: p.fullName,
            }))
          : []),
        ...(policy.rules.standard.collective?.length
          ? units.map((u) => ({
              kind: 'collective' as const,
              personId: null,
              organizationId: u.id,
              name: u.nameVi,
            }))
          : []),
      ];
      for (const candidate of candidates) {
        const eligibility = await this.evaluate(tx, code, policy, candidate, year);
        if (eligibility.hasStandard && eligibility.criteria.every((c) => c.met))
          suggestions.push({ awardType: names.get(code)!, nominee: candidate, eligibility });
      }
    }
    return { organizationId, year, items: suggestions };
  }
}
