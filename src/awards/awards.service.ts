import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ChangeBus } from '../database/change-bus.service';
import type { Principal } from '../auth/principal';
import { AwardPolicyEntity } from './award-policy.entity';
import { AwardTypeEntity } from './award-type.entity';
import { AwardErrors } from './awards.errors';
import { DOCUMENT_KINDS } from './document-kinds';
import type { PolicyRules } from './policy-rules';
import { ruleCodes } from '../register/standards/rule-language';

export interface PolicyView {
  id: string;
  version: number;
  effectiveFrom: string;
  source: string;
  sourceEn: string | null;
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
  sourceEn: p.sourceEn ?? null,
  rules: p.rules,
});

/** The award catalogue and its effective-dated policies. */
export interface AwardTypeName {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface PolicyHeader {
  id: string;
  version: number;
  effectiveFrom: string;
}

const TYPE_CACHE_MS = 60_000;
const VERSIONS_CACHE_MS = 10_000;

@Injectable()
export class AwardsService {
  /** The catalogue is reference data (written by migrations only): its names are read once a minute at most. */
  private typeNamesCache?: { at: number; value: Promise<Map<string, AwardTypeName>> };
  /** Policy versions are immutable once written (a change is a new version): their headers are kept. */
  private readonly policyHeadersCache = new Map<string, PolicyHeader>();
  private readonly versionsCache = new Map<string, { at: number; value: Promise<AwardPolicyEntity[]> }>();

  /** Every policy version's effective date and whether its award counts as grounds for a higher one. */
  private groundsCache?: Promise<{ awardType: string; effectiveFrom: string; grounds: boolean | null }[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly bus: ChangeBus,
  ) {
    // A policy added by any process clears what every process keeps of the policies.
    bus.subscribe('policies', () => {
      this.versionsCache.clear();
      this.groundsCache = undefined;
    });
  }

  /**
   * The awards that may not be cited as grounds for a higher one today (exceptional rewards, Decree 152/2025
   * art. 4): those whose policy in force says so. Kept while the change bus tells this process of new policies.
   */
  async notGrounds(tx?: EntityManager): Promise<Set<string>> {
    let rows = this.bus.reliable ? this.groundsCache : undefined;
    if (!rows) {
      const mark = this.bus.mark('policies');
      rows = (tx ?? this.dataSource.manager).query(
        `SELECT award_type AS "awardType", effective_from::text AS "effectiveFrom",
                (rules->>'groundsForHigherAwards')::boolean AS grounds
           FROM award_policies ORDER BY award_type, effective_from DESC`,
      ) as Promise<{ awardType: string; effectiveFrom: string; grounds: boolean | null }[]>;
      const read = rows;
      read.then(
        () => {
          if (this.bus.fresh('policies', mark)) this.groundsCache = read;
        },
        () => undefined,
      );
    }
    const date = today();
    const inForce = new Map<string, boolean | null>();
    for (const r of await rows) {
      if (r.effectiveFrom <= date && !inForce.has(r.awardType)) inForce.set(r.awardType, r.grounds);
    }
    return new Set([...inForce].filter(([, grounds]) => grounds === false).map(([code]) => code));
  }

  /** Names of every award type by code. */
  async typeNames(tx?: EntityManager): Promise<Map<string, AwardTypeName>> {
    const cached = this.typeNamesCache;
    if (cached && Date.now() - cached.at < TYPE_CACHE_MS) return cached.value;
    const value = (async () => {
      const rows = (await (tx ?? this.dataSource.manager).query(
        `SELECT code, name_vi, name_en FROM award_types`,
      )) as { code: string; name_vi: string; name_en: string }[];
      return new Map(rows.map((r) => [r.code, { code: r.code, nameVi: r.name_vi, nameEn: r.name_en }]));
    })();
    this.typeNamesCache = { at: Date.now(), value };
    value.catch(() => (this.typeNamesCache = undefined));
    return value;
  }

  /** Id, version and effective date of these policy versions. */
  async policyHeaders(ids: string[], tx?: EntityManager): Promise<Map<string, PolicyHeader>> {
    const missing = [...new Set(ids)].filter((id) => !this.policyHeadersCache.has(id));
    if (missing.length > 0) {
      const rows = (await (tx ?? this.dataSource.manager).query(
        `SELECT id, version, effective_from::text AS effective_from FROM award_policies WHERE id = ANY($1::uuid[])`,
        [missing],
      )) as { id: string; version: number; effective_from: string }[];
      for (const r of rows)
        this.policyHeadersCache.set(r.id, { id: r.id, version: r.version, effectiveFrom: r.effective_from });
    }
    const headers = new Map<string, PolicyHeader>();
    for (const id of ids) {
      const header = this.policyHeadersCache.get(id);
      if (header) headers.set(id, header);
    }
    return headers;
  }

  async type(code: string): Promise<AwardTypeEntity> {
    const found = await this.dataSource.getRepository(AwardTypeEntity).findOneBy({ code });
    if (!found) throw AwardErrors.unknownType(code);
    return found;
  }

  /**
   * The policy in force on `date` (YYYY-MM-DD): the latest version that took effect on or before it. Versions are
   * immutable and only added: an award's versions are kept for a few seconds (every submission reads them), and
   * adding one here forgets them.
   */
  async policyInForce(code: string, date = today(), tx?: EntityManager): Promise<AwardPolicyEntity> {
    const found = (await this.versions(code, tx)).find((p) => p.effectiveFrom <= date);
    if (!found) throw AwardErrors.noPolicy(code, date);
    return found;
  }

  /** Every version of an award's policy, latest effective date first. */
  private versions(code: string, tx?: EntityManager): Promise<AwardPolicyEntity[]> {
    const cached = this.versionsCache.get(code);
    if (cached && Date.now() - cached.at < VERSIONS_CACHE_MS) return cached.value;
    const value = (tx ?? this.dataSource.manager)
      .getRepository(AwardPolicyEntity)
      .find({ where: { awardType: code }, order: { effectiveFrom: 'DESC' } });
    this.versionsCache.set(code, { at: Date.now(), value });
    value.catch(() => this.versionsCache.delete(code));
    return value;
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
  /** A new policy version taking effect on a date (the administrator's act, audited with the version before). */
  async addPolicy(
    actor: Principal,
    code: string,
    input: { effectiveFrom: string; source: string; sourceEn?: string; rules: PolicyRules },
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
    await this.checkStandardCodes(input.rules);
    return this.dataSource
      .transaction(async (tx) => {
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
          sourceEn: input.sourceEn ?? null,
          rules: input.rules,
          createdBy: actor.userId,
        });
        await tx.getRepository(AwardPolicyEntity).insert(entity);
        const previous = await tx
          .getRepository(AwardPolicyEntity)
          .findOneBy({ awardType: code, version: entity.version - 1 });
        const audited = (p: AwardPolicyEntity) => ({
          version: p.version,
          effectiveFrom: p.effectiveFrom,
          source: p.source,
          sourceEn: p.sourceEn,
          rules: p.rules as unknown as Record<string, unknown>,
        });
        await this.audit.record(tx, {
          actor,
          action: 'award.policy.create',
          targetType: 'awardType',
          targetId: code,
          before: previous && audited(previous),
          after: audited(entity),
        });
        await this.bus.publish('policies', code, tx);
        return toPolicyView(entity);
      })
      .finally(() => this.versionsCache.delete(code));
  }

  /** A standard may cite only codes the register knows: awards of the catalogue, ratings and initiatives. */
  private async checkStandardCodes(rules: PolicyRules): Promise<void> {
    const standard = rules.standard;
    if (!standard) return;
    const cited = [...(standard.individual ?? []), ...(standard.collective ?? [])].flatMap((c) =>
      ruleCodes(c.rule),
    );
    const rows = (await this.dataSource.query(
      `SELECT code FROM award_types WHERE code = ANY($1::text[]) UNION SELECT code FROM register_titles WHERE code = ANY($1::text[])`,
      [[...new Set(cited)]],
    )) as { code: string }[];
    const known = new Set(rows.map((r) => r.code));
    const unknown = [...new Set(cited)].filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw AwardErrors.invalidRules(
        `the standard cites codes the register does not know: ${unknown.join(', ')}`,
      );
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
