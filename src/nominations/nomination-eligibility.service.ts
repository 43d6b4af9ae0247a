import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AwardPolicyEntity } from '../awards/award-policy.entity';
import { AwardsService } from '../awards/awards.service';
import { EligibilityService, eligibilityFacts, type Eligibility } from '../register/eligibility.service';
import type { NominationEntity } from './nomination.entity';

/**
 * The award's standard evaluated for a nomination's nominee against the register: on demand, and as the facts of
 * a submission (recorded in the history with the transition) and of the Board's acceptance.
 */
@Injectable()
export class NominationEligibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly awards: AwardsService,
    private readonly eligibility: EligibilityService,
  ) {}

  evaluate(tx: EntityManager, n: NominationEntity, policy: AwardPolicyEntity): Promise<Eligibility> {
    return this.eligibility.evaluate(
      tx,
      n.awardType,
      policy,
      { kind: n.nomineeKind, personId: n.nomineePersonId, organizationId: n.nomineeOrgId },
      n.year,
    );
  }

  /** What the guards decide on and the history records: each criterion's verdict and its evidence. */
  async facts(tx: EntityManager, n: NominationEntity, policy: AwardPolicyEntity) {
    return { eligibility: eligibilityFacts(await this.evaluate(tx, n, policy)) };
  }

  /**
   * The evaluation shown with a nomination: a draft against the policy in force today, a
   * submitted nomination against the policy it was submitted under.
   */
  async of(n: NominationEntity): Promise<Eligibility> {
    const policy = n.submittedAt
      ? await this.awards.policy(n.policyId)
      : await this.awards.policyInForce(n.awardType);
    return this.evaluate(this.dataSource.manager, n, policy);
  }
}
