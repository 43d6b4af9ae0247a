import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AwardPolicyEntity } from './award-policy.entity';
import { AwardTypeEntity } from './award-type.entity';
import { AwardErrors } from './awards.errors';
import { DOCUMENT_KINDS } from './document-kinds';
import type { PolicyRules } from './policy-rules';

export interface PolicyView {
  id: string;
  version: number;
  effectiveFrom: string;
  source: string;
  rules: PolicyRules;
}

export interface AwardTypeView {
  code: string;
  nameVi: string;
  nameEn: string;
  nomineeKinds: ('collective' | 'individual')[];
  decidedBy: string;
  route: string;
  policy: PolicyView | null;
  requiredDocuments: { kind: string; nameVi: string; nameEn: string; copies: number; stage: string }[];
}

const today = () => new Date().toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const toPolicyView = (p: AwardPolicyEntity): PolicyView => ({
  id: p.id,
  version: p.version,
  effectiveFrom: p.effectiveFrom,
  source: p.source,
  rules: p.rules,
});

/** The award catalogue and its effective-dated policies. */
@Injectable()
export class AwardsService {
  constructor(private readonly dataSource: DataSource) {}

  async type(code: string): Promise<AwardTypeEntity> {
    const found = await this.dataSource.getRepository(AwardTypeEntity).findOneBy({ code });
    if (!found) throw AwardErrors.unknownType(code);
    return found;
  }

  /** The policy in force on `date` (YYYY-MM-DD): the latest version that took effect on or before it. */
  async policyInForce(code: string, date = today(), tx?: EntityManager): Promise<AwardPolicyEntity> {
    const found = await (tx ?? this.dataSource.manager)
      .getRepository(AwardPolicyEntity)
      .createQueryBuilder('p')
      .where('p.award_type = :code AND p.effective_from <= :date', { code, date })
      .orderBy('p.effective_from', 'DESC')
      .getOne();
    if (!found) throw AwardErrors.noPolicy(code, date);
    return found;
  }

  async policy(id: string, tx?: EntityManager): Promise<AwardPolicyEntity> {
    return (tx ?? this.dataSource.manager).getRepository(AwardPolicyEntity).findOneByOrFail({ id });
  }

  async list(at = today()): Promise<AwardTypeView[]> {
    const types = await this.dataSource.getRepository(AwardTypeEntity).find({ order: { sortOrder: 'ASC' } });
    return Promise.all(
      types.map(async (t) => this.view(t, await this.policyInForce(t.code, at).catch(() => null))),
    );
  }

  async detail(code: string, at = today()) {
    const type = await this.type(code);
    const versions = await this.dataSource
      .getRepository(AwardPolicyEntity)
      .find({ where: { awardType: code }, order: { effectiveFrom: 'ASC' } });
    const inForce = [...versions].reverse().find((v) => v.effectiveFrom <= at) ?? null;
    return { ...this.view(type, inForce), versions: versions.map(toPolicyView) };
  }

  /** Adds a version taking effect after the latest one; nominations keep the version they were submitted under. */
  async addPolicy(
    code: string,
    input: { effectiveFrom: string; source: string; rules: PolicyRules },
    createdBy: string,
  ) {
    const type = await this.type(code);
    if (!DATE.test(input.effectiveFrom) || Number.isNaN(Date.parse(input.effectiveFrom))) {
      throw AwardErrors.invalidRules('effectiveFrom must be a date (YYYY-MM-DD)');
    }
    const kinds = input.rules.dossier.map((d) => d.kind);
    if (new Set(kinds).size !== kinds.length)
      throw AwardErrors.invalidRules('a document kind is listed twice');
    if (type.route === 'cluster' && !input.rules.vote)
      throw AwardErrors.invalidRules('an award with a cluster vote needs vote rules');
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`award-policy:${code}`]);
      const [latest] = (await tx.query(
        `SELECT max(version)::int AS version, max(effective_from)::text AS effective FROM award_policies WHERE award_type = $1`,
        [code],
      )) as { version: number | null; effective: string | null }[];
      if (latest.effective && input.effectiveFrom <= latest.effective)
        throw AwardErrors.notAfterLatest(latest.effective);
      const entity = tx.getRepository(AwardPolicyEntity).create({
        id: randomUUID(),
        awardType: code,
        version: (latest.version ?? 0) + 1,
        effectiveFrom: input.effectiveFrom,
        source: input.source,
        rules: input.rules,
        createdBy,
      });
      await tx.getRepository(AwardPolicyEntity).insert(entity);
      return toPolicyView(entity);
    });
  }

  private view(type: AwardTypeEntity, policy: AwardPolicyEntity | null): AwardTypeView {
    return {
      code: type.code,
      nameVi: type.nameVi,
      nameEn: type.nameEn,
      nomineeKinds: type.nomineeKinds,
      decidedBy: type.decidedBy,
      route: type.route,
      policy: policy ? toPolicyView(policy) : null,
      requiredDocuments: (policy?.rules.dossier ?? []).map((d) => ({
        kind: d.kind,
        nameVi: DOCUMENT_KINDS[d.kind].vi,
        nameEn: DOCUMENT_KINDS[d.kind].en,
        copies: d.copies,
        stage: d.stage,
      })),
    };
  }
}
