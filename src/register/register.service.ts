import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { foldText } from '../nominations/search-text';
import { StandingService } from '../organizations/standing.service';
import type { EntryCategory } from './register-entry.entity';
import { RegisterErrors } from './register.errors';
import { inScope, mayWriteRegister, registerScope } from './register-scope';
import type { EntryFact } from './standards/rule-language';

export interface NewEntry {
  subjectKind: 'individual' | 'collective';
  personId: string | null;
  organizationId: string;
  category: EntryCategory;
  code: string;
  year: number;
  decidingBody: string;
  decisionNumber: string;
  decisionDate: string;
  source: 'thidua' | 'import';
  nominationId?: string | null;
  createdBy: string | null;
}

export interface EntryView {
  id: string;
  subjectKind: 'individual' | 'collective';
  person: { id: string; fullName: string } | null;
  organization: { id: string; nameVi: string; nameEn: string };
  category: EntryCategory;
  code: string;
  title: { vi: string; en: string };
  year: number;
  decidingBody: string;
  decisionNumber: string;
  decisionDate: string;
  source: 'thidua' | 'import';
  nominationId: string | null;
  revoked: boolean;
  revocation: { at: string; reason: string; decisionNumber: string | null } | null;
}

/** Who decides an award, as the register names the deciding body. */
export const DECIDING_BODY: Record<string, string> = {
  prime_minister: 'Thủ tướng Chính phủ',
  president: 'Chủ tịch nước',
  provincial_chairman: 'Chủ tịch Ủy ban nhân dân tỉnh',
  minister: 'Bộ trưởng',
  unit_head: 'Thủ trưởng đơn vị',
};

export function naturalKey(
  e: Pick<NewEntry, 'personId' | 'organizationId' | 'code' | 'year' | 'decisionNumber'>,
) {
  const subject = e.personId ? `person:${e.personId}` : `org:${e.organizationId}`;
  return `${subject}|${e.code}|${e.year}|${foldText(e.decisionNumber).replace(/\s+/g, '')}`;
}

const VIEW_SQL = `
  SELECT e.id, e.subject_kind, e.person_id, p.full_name, e.organization_id, o.name_vi AS org_vi, o.name_en AS org_en,
         e.category, e.code, coalesce(a.name_vi, t.name_vi, e.code) AS title_vi, coalesce(a.name_en, t.name_en, e.code) AS title_en,
         e.year, e.deciding_body, e.decision_number, e.decision_date::text AS decision_date, e.source, e.nomination_id,
         e.revoked_at, e.revocation_reason, e.revocation_decision
    FROM register_entries e
    JOIN organizations o ON o.id = e.organization_id
    LEFT JOIN persons p ON p.id = e.person_id
    LEFT JOIN award_types a ON a.code = e.code
    LEFT JOIN register_titles t ON t.code = e.code`;

type ViewRow = Record<string, unknown>;

const toView = (r: ViewRow): EntryView => ({
  id: r.id as string,
  subjectKind: r.subject_kind as EntryView['subjectKind'],
  person: r.person_id ? { id: r.person_id as string, fullName: r.full_name as string } : null,
  organization: { id: r.organization_id as string, nameVi: r.org_vi as string, nameEn: r.org_en as string },
  category: r.category as EntryCategory,
  code: r.code as string,
  title: { vi: r.title_vi as string, en: r.title_en as string },
  year: r.year as number,
  decidingBody: r.deciding_body as string,
  decisionNumber: r.decision_number as string,
  decisionDate: r.decision_date as string,
  source: r.source as EntryView['source'],
  nominationId: (r.nomination_id as string | null) ?? null,
  revoked: r.revoked_at !== null,
  revocation: r.revoked_at
    ? {
        at: new Date(r.revoked_at as string).toISOString(),
        reason: r.revocation_reason as string,
        decisionNumber: (r.revocation_decision as string | null) ?? null,
      }
    : null,
});

/** The register of record: entries, their scope, revocation, and the facts standards are evaluated over. */
@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly standings: StandingService,
    private readonly audit: AuditService,
  ) {}

  /** Inserts an entry unless one with the same natural key exists; true when it was new. */
  async insert(tx: EntityManager, e: NewEntry): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO register_entries (id, subject_kind, person_id, organization_id, category, code, year, deciding_body,
         decision_number, decision_date, source, nomination_id, natural_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (natural_key) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        e.subjectKind,
        e.personId,
        e.organizationId,
        e.category,
        e.code,
        e.year,
        e.decidingBody,
        e.decisionNumber.trim(),
        e.decisionDate,
        e.source,
        e.nominationId ?? null,
        naturalKey(e),
        e.createdBy,
      ],
    )) as { id: string }[];
    return rows.length > 0;
  }

  /** Every entry of a subject (a person with the records merged into it, or a collective), revoked ones marked. */
  async facts(
    tx: EntityManager,
    subject: { lineageOf: string } | { organizationId: string },
  ): Promise<(EntryFact & { view: EntryView })[]> {
    // A person's entries are those of every record merged into theirs, found in the same statement.
    const rows = (await tx.query(
      'lineageOf' in subject
        ? `${VIEW_SQL} WHERE e.person_id IN (
             WITH RECURSIVE l(id) AS (SELECT $1::uuid UNION SELECT m.id FROM persons m JOIN l ON m.merged_into_id = l.id)
             SELECT id FROM l)
           ORDER BY e.year, e.id`
        : `${VIEW_SQL} WHERE e.person_id IS NULL AND e.organization_id = $1 ORDER BY e.year, e.id`,
      ['lineageOf' in subject ? subject.lineageOf : subject.organizationId],
    )) as ViewRow[];
    return rows.map((r) => {
      const view = toView(r);
      return { id: view.id, code: view.code, year: view.year, revoked: view.revoked, view };
    });
  }

  /**
   * The register the caller may read: collectives in scope and people who work in scope, filtered by
   * organisation (its own entries and its people's), person and year.
   */
  async list(
    principal: Principal,
    query: { organizationId?: string; personId?: string; year?: number; includeRevoked?: boolean },
  ): Promise<EntryView[]> {
    const scope = registerScope(await this.standings.of(principal));
    if (query.organizationId && !inScope(scope, query.organizationId))
      throw RegisterErrors.organizationNotFound(query.organizationId);
    const rows = (await this.dataSource.query(
      `${VIEW_SQL}
        WHERE ($1::uuid[] IS NULL OR e.organization_id = ANY($1::uuid[]) OR p.organization_id = ANY($1::uuid[])
               OR EXISTS (SELECT 1 FROM persons cur WHERE cur.id = p.merged_into_id AND cur.organization_id = ANY($1::uuid[])))
          AND ($2::uuid IS NULL OR e.organization_id = $2 OR p.organization_id = $2)
          AND ($3::uuid IS NULL OR e.person_id = $3 OR p.merged_into_id = $3)
          AND ($4::int IS NULL OR e.year = $4)
          AND ($5 OR e.revoked_at IS NULL)
        ORDER BY e.year DESC, coalesce(p.name_key, ''), e.code, e.id LIMIT 1000`,
      [
        scope,
        query.organizationId ?? null,
        query.personId ?? null,
        query.year ?? null,
        query.includeRevoked !== false,
      ],
    )) as ViewRow[];
    return rows.map(toView);
  }

  async entry(principal: Principal, id: string, tx?: EntityManager): Promise<EntryView> {
    const scope = registerScope(await this.standings.of(principal, tx));
    const [row] = (await (tx ?? this.dataSource.manager).query(
      `${VIEW_SQL} WHERE e.id = $1 AND ($2::uuid[] IS NULL OR e.organization_id = ANY($2::uuid[]) OR p.organization_id = ANY($2::uuid[]))`,
      [id, scope],
    )) as ViewRow[];
    if (!row) throw RegisterErrors.entryNotFound(id);
    return toView(row);
  }

  /**
   * Revokes an entry (Law 06/2022/QH15, chapter VII: a title obtained by deception is cancelled): the entry is
   * kept, marked revoked with the decision and reason, and no longer counts. Audited.
   */
  async revoke(
    principal: Principal,
    id: string,
    input: { reason: string; decisionNumber?: string },
  ): Promise<EntryView> {
    const standing = await this.standings.of(principal);
    if (!mayWriteRegister(standing) || principal.role === 'NOMINATOR')
      throw RegisterErrors.forbidden('revoke a register entry');
    if (!input.reason?.trim())
      throw RegisterErrors.invalid('A revocation needs a reason', { field: 'reason' });
    return this.dataSource.transaction(async (tx) => {
      const before = await this.entry(principal, id, tx);
      const [row] = (await tx.query(`SELECT revoked_at FROM register_entries WHERE id = $1 FOR UPDATE`, [
        id,
      ])) as {
        revoked_at: Date | null;
      }[];
      if (row.revoked_at) throw RegisterErrors.alreadyRevoked(id);
      await tx.query(
        `UPDATE register_entries SET revoked_at = now(), revocation_reason = $2, revocation_decision = $3, revoked_by = $4
          WHERE id = $1`,
        [id, input.reason.trim(), input.decisionNumber?.trim() || null, principal.userId],
      );
      await this.audit.record(tx, {
        actor: principal,
        action: 'register.revoke',
        targetType: 'register_entry',
        targetId: id,
        reason: input.reason,
        before: {
          revoked: false,
          code: before.code,
          year: before.year,
          decisionNumber: before.decisionNumber,
        },
        after: { revoked: true, revocationDecision: input.decisionNumber ?? null },
      });
      return this.entry(principal, id, tx);
    });
  }

  /** The titles the register knows: the award catalogue and the yearly ratings and initiatives. */
  async titles(tx?: EntityManager) {
    const manager = tx ?? this.dataSource.manager;
    const awards = (await manager.query(
      `SELECT code, name_vi AS "nameVi", name_en AS "nameEn", nominee_kinds AS "nomineeKinds", decided_by AS "decidedBy", 'award' AS category
         FROM award_types ORDER BY sort_order, code`,
    )) as {
      code: string;
      nameVi: string;
      nameEn: string;
      nomineeKinds: string[];
      decidedBy: string | null;
      category: EntryCategory;
    }[];
    const others = (await manager.query(
      `SELECT code, name_vi AS "nameVi", name_en AS "nameEn", nominee_kinds AS "nomineeKinds", NULL AS "decidedBy", kind AS category
         FROM register_titles ORDER BY sort_order, code`,
    )) as typeof awards;
    return [...awards, ...others];
  }
}
