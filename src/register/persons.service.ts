import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { foldText } from '../nominations/search-text';
import { StandingService } from '../organizations/standing.service';
import { RegisterErrors } from './register.errors';
import { inScope, registerScope } from './register-scope';

export interface PersonInput {
  personId?: string;
  fullName: string;
  gender: 'female' | 'male' | null;
  birthDate?: string | null;
  organizationId: string;
  position: string | null;
}

export interface PersonView {
  id: string;
  fullName: string;
  gender: 'female' | 'male' | null;
  birthDate: string | null;
  organizationId: string;
  position: string | null;
  mergedIntoId: string | null;
}

interface PersonRow {
  id: string;
  full_name: string;
  gender: 'female' | 'male' | null;
  birth_date: string | null;
  organization_id: string;
  position: string | null;
  merged_into_id: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date (2023-02-30 is not one). */
export const isDate = (s: string) =>
  DATE.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const COLUMNS = `id, full_name, gender, birth_date::text AS birth_date, organization_id, position, merged_into_id`;

export const personView = (r: PersonRow): PersonView => ({
  id: r.id,
  fullName: r.full_name,
  gender: r.gender,
  birthDate: r.birth_date,
  organizationId: r.organization_id,
  position: r.position,
  mergedIntoId: r.merged_into_id,
});

/** Persons: found again by name in their organisation (and date of birth when known), merged by an administrator. */
@Injectable()
export class PersonsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly standings: StandingService,
    private readonly audit: AuditService,
  ) {}

  /** The person a merged record now stands for (itself when not merged). */
  async current(tx: EntityManager, id: string): Promise<PersonRow | null> {
    const rows = (await tx.query(
      `WITH RECURSIVE up(id, depth) AS (SELECT $1::uuid, 0 UNION ALL
         SELECT p.merged_into_id, up.depth + 1 FROM persons p JOIN up ON p.id = up.id
          WHERE p.merged_into_id IS NOT NULL AND up.depth < 20)
       SELECT ${COLUMNS} FROM persons WHERE id = (SELECT id FROM up ORDER BY depth DESC LIMIT 1)`,
      [id],
    )) as PersonRow[];
    return rows[0] ?? null;
  }

  /** The person and every record merged into it: their register entries are the person's. */
  async lineage(tx: EntityManager, id: string): Promise<string[]> {
    const rows = (await tx.query(
      `WITH RECURSIVE l(id) AS (SELECT $1::uuid UNION SELECT p.id FROM persons p JOIN l ON p.merged_into_id = l.id)
       SELECT id FROM l`,
      [id],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * The person a nomination or an import row names: the one given by id, else the one of that name in that
   * organisation (with that date of birth when both are known), else a new record. A person found again in another
   * organisation or position is updated, and the change is kept in their history: their register follows them.
   */
  async resolve(
    tx: EntityManager,
    input: PersonInput,
    actorId: string | null,
    /** A person named by id must work in one of these (the caller's scope): nobody takes another unit's person. */
    scope: string[] | null = null,
  ): Promise<string> {
    const nameKey = foldText(input.fullName);
    if (input.birthDate && !isDate(input.birthDate))
      throw RegisterErrors.invalid('birthDate is not a date', { field: 'nominee.birthDate' });
    // Two nominations or imports naming the same new person at once must find one record, not make two.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `person:${input.organizationId}:${nameKey}`,
    ]);
    let found: PersonRow | null;
    if (input.personId) {
      found = await this.current(tx, input.personId);
      if (!found || !inScope(scope, found.organization_id))
        throw RegisterErrors.personNotFound(input.personId);
    } else {
      const candidates = (await tx.query(
        `SELECT ${COLUMNS} FROM persons
          WHERE organization_id = $1 AND name_key = $2 AND merged_into_id IS NULL
            AND ($3::date IS NULL OR birth_date IS NULL OR birth_date = $3::date)
          ORDER BY (birth_date = $3::date) DESC NULLS LAST, created_at LIMIT 1`,
        [input.organizationId, nameKey, input.birthDate ?? null],
      )) as PersonRow[];
      found = candidates[0] ?? null;
    }
    if (!found) {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO persons (id, full_name, name_key, gender, birth_date, organization_id, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          input.fullName.trim(),
          nameKey,
          input.gender,
          input.birthDate ?? null,
          input.organizationId,
          input.position,
        ],
      );
      await this.history(tx, id, 'created', input.organizationId, input.position, {}, actorId);
      return id;
    }
    const moved = found.organization_id !== input.organizationId;
    const repositioned = input.position !== null && input.position !== found.position;
    const completed = (!found.birth_date && input.birthDate) || (!found.gender && input.gender);
    if (moved || repositioned || completed) {
      await tx.query(
        `UPDATE persons SET organization_id = $2, position = coalesce($3, position),
                birth_date = coalesce(birth_date, $4::date), gender = coalesce(gender, $5), updated_at = now()
          WHERE id = $1`,
        [found.id, input.organizationId, input.position, input.birthDate ?? null, input.gender],
      );
      if (moved || repositioned)
        await this.history(
          tx,
          found.id,
          moved ? 'moved' : 'position',
          input.organizationId,
          input.position ?? found.position,
          { fromOrganizationId: found.organization_id, fromPosition: found.position },
          actorId,
        );
    }
    return found.id;
  }

  private async history(
    tx: EntityManager,
    personId: string,
    change: string,
    organizationId: string,
    position: string | null,
    detail: Record<string, unknown>,
    actorId: string | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO person_history (person_id, change, organization_id, position, detail, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [personId, change, organizationId, position, detail, actorId],
    );
  }

  /** Persons the caller may see (of an organisation, or matching a name). */
  async list(principal: Principal, query: { organizationId?: string; q?: string }): Promise<PersonView[]> {
    const scope = registerScope(await this.standings.of(principal));
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM persons
        WHERE merged_into_id IS NULL AND ($1::uuid[] IS NULL OR organization_id = ANY($1::uuid[]))
          AND ($2::uuid IS NULL OR organization_id = $2) AND ($3::text IS NULL OR name_key LIKE $3)
        ORDER BY name_key, id LIMIT 200`,
      [
        scope,
        query.organizationId ?? null,
        query.q ? `%${foldText(query.q).replace(/[\\%_]/g, '\\$&')}%` : null,
      ],
    )) as PersonRow[];
    return rows.map(personView);
  }

  /** A person with their history (organisations, positions, merges); NOT_FOUND outside the caller's scope. */
  async get(principal: Principal, id: string) {
    const scope = registerScope(await this.standings.of(principal));
    const person = await this.current(this.dataSource.manager, id);
    if (!person || !inScope(scope, person.organization_id)) throw RegisterErrors.personNotFound(id);
    const lineage = await this.lineage(this.dataSource.manager, person.id);
    const history = (await this.dataSource.query(
      `SELECT person_id AS "personId", at, change, organization_id AS "organizationId", position, detail
         FROM person_history WHERE person_id = ANY($1::uuid[]) ORDER BY at, id`,
      [lineage],
    )) as Record<string, unknown>[];
    return { ...personView(person), mergedRecords: lineage.filter((p) => p !== person.id), history };
  }

  /** Groups of persons that look like one (same folded name, and same or unknown date of birth): for an administrator. */
  async duplicates(principal: Principal): Promise<PersonView[][]> {
    if (principal.role !== 'ADMIN') throw RegisterErrors.forbidden('list duplicate persons');
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, name_key FROM persons p
        WHERE merged_into_id IS NULL AND EXISTS (
          SELECT 1 FROM persons q WHERE q.merged_into_id IS NULL AND q.id <> p.id AND q.name_key = p.name_key
             AND (q.birth_date IS NULL OR p.birth_date IS NULL OR q.birth_date = p.birth_date))
        ORDER BY name_key, created_at, id`,
    )) as (PersonRow & { name_key: string })[];
    const groups = new Map<string, PersonView[]>();
    for (const r of rows) groups.set(r.name_key, [...(groups.get(r.name_key) ?? []), personView(r)]);
    return [...groups.values()];
  }

  /**
   * Merges a duplicate into the person it duplicates: the duplicate's row stays (history), its register entries
   * and nominations count for the person from now on. Audited.
   */
  async merge(principal: Principal, duplicateId: string, intoId: string, reason: string) {
    if (principal.role !== 'ADMIN') throw RegisterErrors.forbidden('merge persons');
    if (!reason?.trim()) throw RegisterErrors.mergeInvalid('A merge needs a reason');
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `SELECT ${COLUMNS} FROM persons WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[duplicateId, intoId]],
      )) as PersonRow[];
      const duplicate = rows.find((r) => r.id === duplicateId);
      const into = rows.find((r) => r.id === intoId);
      if (!duplicate) throw RegisterErrors.personNotFound(duplicateId);
      if (!into) throw RegisterErrors.personNotFound(intoId);
      if (duplicateId === intoId) throw RegisterErrors.mergeInvalid('A person cannot be merged into itself');
      if (duplicate.merged_into_id) throw RegisterErrors.mergeInvalid('That person is already merged');
      if (into.merged_into_id) throw RegisterErrors.mergeInvalid('Merge into the person it was merged into');
      await tx.query(`UPDATE persons SET merged_into_id = $2, updated_at = now() WHERE id = $1`, [
        duplicateId,
        intoId,
      ]);
      await this.history(
        tx,
        duplicateId,
        'merged',
        duplicate.organization_id,
        duplicate.position,
        { intoId },
        principal.userId,
      );
      await this.history(
        tx,
        intoId,
        'absorbed',
        into.organization_id,
        into.position,
        { duplicateId },
        principal.userId,
      );
      await this.audit.record(tx, {
        actor: principal,
        action: 'person.merge',
        targetType: 'person',
        targetId: intoId,
        reason,
        before: { duplicate: personView(duplicate), into: personView(into) },
        after: { mergedIntoId: intoId },
      });
      return { duplicate: { ...personView(duplicate), mergedIntoId: intoId }, into: personView(into) };
    });
  }
}
