import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { findWorkflow, stateLabel, type Label, type WorkflowEvent } from '../../workflows';
import { actorOf, type Principal } from '../auth/principal';
import { isCentral, ROLE_LABELS, type Role } from '../auth/roles';
import type { AwardRoute } from '../awards/award-type.entity';
import { AwardsService } from '../awards/awards.service';
import { nominationPolicy, type PolicyRules } from '../awards/policy-rules';
import { EngineErrors } from '../engine/engine.errors';
import { IdempotencyService, requestHash, type Replayable } from '../engine/idempotency.service';
import { WorkflowEngine, type InstanceView } from '../engine/workflow-engine.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService, type Standing } from '../organizations/standing.service';
import { NotificationsService } from '../notifications/notifications.service';
import { NominationReadModel } from './nomination-read-model';
import { NominationDocumentEntity } from './nomination-document.entity';
import { describeNomination } from './nomination-subject';
import { NominationEntity } from './nomination.entity';
import {
  maySee,
  maySeeAsVoter,
  mayAct,
  type NominationFacts,
  VOTER_READABLE_SESSION_STATES,
} from './nomination-access';
import { NominationErrors } from './nominations.errors';
import { DomainError } from '../common/errors';
import {
  type CreateNominationDto,
  type ListNominationsQuery,
  type UpdateNominationDto,
} from './nominations.dto';
import { keysetPage } from '../common/pagination';
import { foldText } from './search-text';
import {
  assertNomineeComplete,
  nomineeDetailColumns,
  type NomineeDetails,
  nomineeDetailsView,
} from './nominee-details';
import { EVENT_NEEDS, eventPayload } from './event-payloads';
import { CalendarService } from '../calendar/calendar.service';
import { PersonsService } from '../register/persons.service';
import type { Eligibility } from '../register/eligibility.service';
import { NominationEligibilityService } from './nomination-eligibility.service';
import { localDate } from '../calendar/working-days';

/** The events that carry the dossier as it stands. */
const DOSSIER_EVENTS = new Set(['SUBMIT', 'RESUBMIT', 'SUPPLEMENT']);

export const MACHINE_OF_ROUTE: Record<AwardRoute, string> = {
  cluster: 'nomination',
  direct: 'nomination',
  provincial: 'provincialAward',
  presidential: 'nomination',
};

/** States in which the nominating unit may still edit its nomination and dossier. */
export const EDITABLE_STATES = ['draft', 'returned'];

export interface EventOption {
  type: string;
  label: Label;
  needs: string[];
}

/**
 * The caller's standing with the leadership of the nomination's cluster-year as the transaction reads it: the
 * cached standing may predate a leadership change that has just committed.
 */
function withLeadership(standing: Standing, n: NominationEntity, ledBy: string[]): Standing {
  if (!n.clusterId) return standing;
  const others = standing.ledClusterYears.filter((l) => !(l.clusterId === n.clusterId && l.year === n.year));
  const leads = ledBy.some((o) => standing.orgIds.includes(o));
  return {
    ...standing,
    ledClusterYears: leads ? [...others, { clusterId: n.clusterId, year: n.year }] : others,
  };
}

export interface NominationView {
  id: string;
  /** The human-readable dossier number (per year and award). */
  dossierNumber: string;
  awardType: { code: string; nameVi: string; nameEn: string };
  year: number;
  route: AwardRoute;
  clusterId: string | null;
  cluster: { id: string; nameVi: string; nameEn: string } | null;
  nominatingOrganization: {
    id: string;
    code: string;
    nameVi: string;
    nameEn: string;
    active: boolean;
    /** When the unit has ended (merged): the organisation that continues its work now. */
    successor: { id: string; code: string; nameVi: string; nameEn: string } | null;
  };
  nominee: {
    kind: 'collective' | 'individual';
    organizationId: string;
    name: string;
    /** The person of the register (individuals). */
    personId: string | null;
    gender: 'female' | 'male' | null;
    position: string | null;
    femaleShare: number | null;
    /** Individuals: date of birth, place of origin, ethnicity, years in service (null when not given). */
    details: NomineeDetails;
  };
  summary: string;
  state: string;
  stateLabel: Label;
  status: 'active' | 'done';
  version: number;
  /** The version of the machine this nomination runs on (it keeps the one it started with until migrated). */
  machineVersion: number;
  allowedEvents: EventOption[];
  dueAt: string | null;
  /** The due date falls in a year whose holiday schedule is not confirmed yet: it may still move. */
  dueProvisional: boolean;
  overdue: boolean;
  policy: { id: string; version: number; effectiveFrom: string };
  lastReason: string | null;
  vote: unknown;
  decision: unknown;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
}

const facts = (n: NominationEntity): NominationFacts => ({
  route: n.route,
  nominatingOrgId: n.nominatingOrgId,
  clusterId: n.clusterId,
  year: n.year,
});

@Injectable()
export class NominationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly idempotency: IdempotencyService,
    private readonly awards: AwardsService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
    private readonly eligibilities: NominationEligibilityService,
    private readonly persons: PersonsService,
    private readonly readModel: NominationReadModel,
  ) {}

  /** Keeps the nominations table in step with every transition, whoever sent the event. */
  onModuleInit(): void {
    for (const machine of new Set(Object.values(MACHINE_OF_ROUTE))) {
      this.engine.project(machine, (tx, step) => this.readModel.project(tx, step));
      this.notifications.registerSubject(machine, (tx, id, atState) =>
        describeNomination(tx, this.engine, id, atState),
      );
    }
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  /** The nomination if the caller may see it; otherwise NOT_FOUND (existence does not leak). */
  /** How the caller stands towards nominations (cached for a few seconds). */
  standing(principal: Principal): Promise<Standing> {
    return this.standings.of(principal);
  }

  /**
   * Inside a transaction, pass the caller's `standing` read before it began: computing it takes a second pooled
   * connection, and requests holding one connection while waiting for another can exhaust the pool.
   */
  async visible(
    principal: Principal,
    id: string,
    tx?: EntityManager,
    known?: Standing,
  ): Promise<{ n: NominationEntity; standing: Standing; asVoter: boolean }> {
    const manager = tx ?? this.dataSource.manager;
    const n = await manager.getRepository(NominationEntity).findOneBy({ id });
    const standing = known ?? (await this.standings.of(principal, tx));
    if (n && maySee(standing, facts(n))) return { n, standing, asVoter: false };
    if (n && standing.role === 'CLUSTER_VOTER') {
      const sessions = (await manager.query(
        `SELECT s.eligible_org_ids AS "eligibleOrgIds" FROM voting_candidates c
           JOIN voting_sessions s ON s.id = c.session_id JOIN workflow_instances w ON w.id = s.id
          WHERE c.nomination_id = $1 AND w.state = ANY($2::text[])`,
        [id, VOTER_READABLE_SESSION_STATES],
      )) as { eligibleOrgIds: string[] }[];
      if (maySeeAsVoter(standing, sessions)) return { n, standing, asVoter: true };
    }
    throw NominationErrors.notFound(id);
  }

  /** The documents of each nomination's dossier as last submitted: what a session's voters may read. */
  async submittedDossiers(
    ids: string[],
    tx?: EntityManager,
  ): Promise<Map<string, { id: string; kind: string; fileName: string }[]>> {
    const rows = (await (tx ?? this.dataSource.manager).query(
      `SELECT s.instance_id AS "nominationId", d.id, d.kind, d.file_name AS "fileName"
         FROM (SELECT DISTINCT ON (instance_id) instance_id, event FROM workflow_history
                WHERE instance_id = ANY($1::uuid[]) AND event_type IN ('SUBMIT', 'RESUBMIT')
                ORDER BY instance_id, seq DESC) s
         CROSS JOIN LATERAL jsonb_array_elements(s.event->'dossier'->'documents') AS e(doc)
         JOIN nomination_documents d ON d.id = (e.doc->>'id')::uuid
        ORDER BY d.kind`,
      [ids],
    )) as { nominationId: string; id: string; kind: string; fileName: string }[];
    const byNomination = new Map<string, { id: string; kind: string; fileName: string }[]>();
    for (const r of rows) {
      byNomination.set(r.nominationId, [
        ...(byNomination.get(r.nominationId) ?? []),
        { id: r.id, kind: r.kind, fileName: r.fileName },
      ]);
    }
    return byNomination;
  }

  /** The documents of the dossier as last submitted (what a session's voters may read), by id. */
  async submittedDossier(id: string, tx?: EntityManager): Promise<string[]> {
    const [row] = (await (tx ?? this.dataSource.manager).query(
      `SELECT event->'dossier'->'documents' AS documents FROM workflow_history
        WHERE instance_id = $1 AND event_type IN ('SUBMIT', 'RESUBMIT') ORDER BY seq DESC LIMIT 1`,
      [id],
    )) as { documents: { id: string }[] | null }[];
    return (row?.documents ?? []).map((d) => d.id);
  }

  async get(principal: Principal, id: string): Promise<NominationView> {
    const { n, standing, asVoter } = await this.visible(principal, id);
    const { instance } = await this.engine.read(id);
    const [view] = await this.views([{ n, instance }], standing);
    // A voter reads the candidate, not the exchanges between its unit and the bodies that checked it.
    return asVoter ? { ...view, lastReason: null } : view;
  }

  async list(
    principal: Principal,
    query: ListNominationsQuery,
  ): Promise<{ items: NominationView[]; nextCursor: string | null }> {
    const standing = await this.standings.of(principal);
    const limit = query.limit ?? 20;
    const { page, nextCursor } = await keysetPage(this.filtered(standing, query), 'n', query.cursor, limit);
    const instances = await this.engine.readMany(page.map((n) => n.id));
    const items = await this.views(
      page.map((n) => ({ n, instance: instances.get(n.id)!.instance })),
      standing,
    );
    return { items, nextCursor };
  }

  /** Nominations the caller may see that match the list filters (shared by the list, the export and reports). */
  filtered(standing: Standing, query: Omit<ListNominationsQuery, 'cursor' | 'limit'>) {
    const qb = this.dataSource.getRepository(NominationEntity).createQueryBuilder('n');
    this.applyScope(qb, standing);
    if (query.year) qb.andWhere('n.year = :year', { year: query.year });
    if (query.clusterId) qb.andWhere('n.cluster_id = :clusterId', { clusterId: query.clusterId });
    if (query.awardType) qb.andWhere('n.award_type = :awardType', { awardType: query.awardType });
    if (query.state) qb.andWhere('n.state = ANY(:states)', { states: query.state.split(',') });
    if (query.nominatingOrganizationId) {
      // A unit's nominations include those of the organisations it succeeded (mergers).
      qb.andWhere(
        `n.nominating_org_id IN (WITH RECURSIVE lineage(id) AS (
           SELECT CAST(:nominatingOrg AS uuid)
           UNION SELECT o.id FROM organizations o JOIN lineage l ON o.successor_id = l.id)
         SELECT id FROM lineage)`,
        { nominatingOrg: query.nominatingOrganizationId },
      );
    }
    if (query.overdue !== undefined) qb.andWhere('n.overdue = :overdue', { overdue: query.overdue });
    if (query.q) {
      const folded = foldText(query.q).replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere(`n.search_text LIKE :q`, { q: `%${folded}%` });
    }
    return qb;
  }

  /** Restricts a query on `nominations n` to what the caller may see. */
  applyScope(
    qb: { andWhere(sql: string, params?: Record<string, unknown>): unknown },
    standing: Standing,
  ): void {
    if (isCentral(standing.role)) return;
    const own = standing.role === 'PROVINCE_APPROVER' ? standing.governedOrgIds : standing.orgIds;
    if (standing.role === 'CLUSTER_LEADER' && standing.ledClusterYears.length > 0) {
      qb.andWhere(
        `(n.nominating_org_id = ANY(:scopeOrgs) OR EXISTS (
            SELECT 1 FROM unnest(CAST(:ledClusters AS uuid[]), CAST(:ledYears AS int[])) AS led(cluster_id, year)
             WHERE led.cluster_id = n.cluster_id AND led.year = n.year))`,
        {
          scopeOrgs: own,
          ledClusters: standing.ledClusterYears.map((l) => l.clusterId),
          ledYears: standing.ledClusterYears.map((l) => l.year),
        },
      );
    } else if (own.length === 1) {
      // An equality (not `= ANY`) lets the planner read a unit's list in order from its index.
      qb.andWhere('n.nominating_org_id = :scopeOrg', { scopeOrg: own[0] });
    } else {
      qb.andWhere('n.nominating_org_id = ANY(:scopeOrgs)', { scopeOrgs: own });
    }
  }

  /** The award's standard evaluated against the register for the nominee (not for a session's voters). */
  async eligibility(principal: Principal, id: string): Promise<Eligibility> {
    const { n, asVoter } = await this.visible(principal, id);
    if (asVoter) throw NominationErrors.notFound(id);
    return this.eligibilities.of(n);
  }

  async history(principal: Principal, id: string) {
    if ((await this.visible(principal, id)).asVoter) throw NominationErrors.notFound(id);
    const [entries, verdict, { instance }] = await Promise.all([
      this.engine.history(id),
      this.engine.verify(id),
      this.engine.read(id),
    ]);
    const machine = findWorkflow(instance.machineId, instance.machineVersion)!;
    const orgs = await this.organizations.views(entries.map((e) => e.actor.organizationId ?? ''));
    // Who acted, by name: a history read by the people who work on the dossier (not its voters).
    const userIds = [...new Set(entries.filter((e) => e.actor.kind === 'user').map((e) => e.actor.id))];
    const people = new Map(
      (
        (await this.dataSource.query(`SELECT id, full_name FROM users WHERE id = ANY($1::uuid[])`, [
          userIds.filter((u) => /^[0-9a-f-]{36}$/i.test(u)),
        ])) as { id: string; full_name: string }[]
      ).map((u) => [u.id, u.full_name]),
    );
    return {
      verified: verdict.valid,
      problems: verdict.problems,
      entries: entries.map((e) => ({
        seq: e.seq,
        event: e.eventType,
        eventLabel: machine.events[e.eventType]?.label ?? { vi: 'Tạo hồ sơ', en: 'Created' },
        fromState: e.fromState,
        toState: e.toState,
        toStateLabel: stateLabel(machine, e.toState),
        at: e.at,
        actor: {
          kind: e.actor.kind,
          userId: e.actor.kind === 'user' ? e.actor.id : null,
          name: e.actor.kind === 'user' ? (people.get(e.actor.id) ?? null) : null,
          role: e.actor.role ?? null,
          roleLabel: e.actor.role && e.actor.role in ROLE_LABELS ? ROLE_LABELS[e.actor.role as Role] : null,
          organization: e.actor.organizationId ? (orgs.get(e.actor.organizationId) ?? null) : null,
        },
        reason: typeof e.event.reason === 'string' ? e.event.reason : null,
        payload: publicPayload(e.event),
        hash: e.hash,
      })),
    };
  }

  // ---- commands ----------------------------------------------------------------------------------------------

  async create(
    principal: Principal,
    dto: CreateNominationDto,
    idempotencyKey?: string,
  ): Promise<Replayable<NominationView>> {
    if (principal.role !== 'NOMINATOR') throw NominationErrors.notNominator();
    const standing = await this.standings.of(principal);
    if (!standing.orgActive)
      throw NominationErrors.invalid('Your organisation has ended; its successor continues its work');
    const type = await this.awards.type(dto.awardType);
    if (!type.nomineeKinds.includes(dto.nominee.kind))
      throw NominationErrors.nomineeKindNotAllowed(dto.nominee.kind, type.code);
    const currentYear = new Date().getUTCFullYear();
    if (dto.year > currentYear) throw NominationErrors.invalid(`The year ${dto.year} has not begun`);
    if (type.route === 'cluster') {
      if (!dto.clusterId)
        throw NominationErrors.invalid(
          `${type.code} is proposed by an emulation cluster: clusterId is required`,
        );
      await this.organizations.getCluster(dto.clusterId);
      const member = standing.memberships.some((m) => m.clusterId === dto.clusterId && m.year === dto.year);
      if (!member) throw NominationErrors.notClusterMember();
    } else if (dto.clusterId) {
      throw NominationErrors.invalid(`${type.code} is not proposed by a cluster: leave clusterId out`);
    }
    const nomineeOrg = await this.organizations.get(dto.nominee.organizationId).catch((error: unknown) => {
      // Only "no such organisation" is the caller's mistake: a database that went away stays a 503.
      if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
      throw NominationErrors.invalid('The nominee organisation does not exist', {
        field: 'nominee.organizationId',
      });
    });
    if (!standing.governedOrgIds.includes(nomineeOrg.id)) {
      throw NominationErrors.invalid('The nominee must be your organisation or one under it', {
        field: 'nominee.organizationId',
      });
    }
    const individual = dto.nominee.kind === 'individual';
    assertNomineeComplete(dto.nominee);
    const name = individual ? dto.nominee.fullName!.trim() : nomineeOrg.nameVi;
    const nomineeKey = individual ? `person:${nomineeOrg.id}:${foldText(name)}` : `org:${nomineeOrg.id}`;
    const hash = requestHash({ op: 'nomination.create', dto });

    return this.engine.transaction((tx) =>
      this.idempotency.execute(
        tx,
        idempotencyKey ? { principal: principal.userId, key: idempotencyKey, requestHash: hash } : undefined,
        201,
        async () => {
          const existing = await tx.query(
            `SELECT 1 FROM nominations WHERE award_type = $1 AND year = $2 AND nominee_key = $3 AND state <> 'withdrawn' LIMIT 1`,
            [type.code, dto.year, nomineeKey],
          );
          if (existing.length > 0) throw NominationErrors.duplicate();
          const policy = await this.awards.policyInForce(type.code, undefined, tx);
          // An individual nominee is a person of the register, found again on the next nomination.
          const personId = individual
            ? await this.persons.resolve(
                tx,
                {
                  personId: dto.nominee.personId,
                  fullName: name,
                  gender: dto.nominee.gender!,
                  birthDate: dto.nominee.birthDate ?? null,
                  organizationId: nomineeOrg.id,
                  position: dto.nominee.position!.trim(),
                },
                principal.userId,
                standing.governedOrgIds,
              )
            : null;
          const id = randomUUID();
          const now = new Date();
          const [{ number: dossierNumber }] = (await tx.query(
            `SELECT next_dossier_number($1, $2) AS number`,
            [dto.year, type.code],
          )) as { number: string }[];
          const entity: NominationEntity = {
            id,
            dossierNumber,
            awardType: type.code,
            year: dto.year,
            route: type.route,
            clusterId: dto.clusterId ?? null,
            nominatingOrgId: principal.organizationId,
            nomineeKind: dto.nominee.kind,
            nomineeOrgId: nomineeOrg.id,
            nomineeName: name,
            nomineeGender: individual ? dto.nominee.gender! : null,
            nomineePosition: individual ? dto.nominee.position!.trim() : null,
            nomineeFemaleShare:
              !individual && dto.nominee.femaleShare !== undefined ? String(dto.nominee.femaleShare) : null,
            ...nomineeDetailColumns(dto.nominee),
            nomineeKey,
            nomineePersonId: personId,
            summary: dto.summary,
            policyId: policy.id,
            state: 'draft',
            overdue: false,
            dueAt: null,
            searchText: foldText(`${dossierNumber} ${name} ${dto.nominee.position ?? ''} ${dto.summary}`),
            createdBy: principal.userId,
            createdAt: now,
            updatedAt: now,
            submittedAt: null,
            forwardedAt: null,
            decidedAt: null,
            rejectedStage: null,
          };
          await tx
            .getRepository(NominationEntity)
            .insert(entity)
            .catch((error: { driverError?: { code?: string } }) => {
              if (error.driverError?.code === '23505') throw NominationErrors.duplicate();
              throw error;
            });
          const machine = MACHINE_OF_ROUTE[type.route];
          const input =
            machine === 'nomination'
              ? { nominationId: id, route: type.route, policy: nominationPolicy(policy.rules) }
              : { nominationId: id, policy: nominationPolicy(policy.rules) };
          const step = await this.engine.create(machine, input, { actor: actorOf(principal), id }, tx);
          return (await this.views([{ n: entity, instance: step.instance }], standing, tx))[0];
        },
      ),
    );
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateNominationDto,
    expectedVersion?: number,
  ): Promise<NominationView> {
    const known = await this.standings.of(principal);
    return this.engine.transaction(async (tx) => {
      const { n, standing, asVoter } = await this.visible(principal, id, tx, known);
      if (asVoter) throw NominationErrors.readOnly();
      if (!mayAct('SUBMIT', standing, facts(n))) throw NominationErrors.notEditable(n.state);
      const [row] = (await tx.query(
        `SELECT version, state FROM workflow_instances WHERE id = $1 FOR UPDATE`,
        [id],
      )) as {
        version: number;
        state: string;
      }[];
      if (expectedVersion !== undefined && expectedVersion !== row.version) {
        throw EngineErrors.versionMismatch(expectedVersion, row.version);
      }
      if (!EDITABLE_STATES.includes(row.state)) throw NominationErrors.notEditable(row.state);
      const individual = n.nomineeKind === 'individual';
      if (!individual && (dto.fullName || dto.gender || dto.position)) {
        throw NominationErrors.invalid('fullName, gender and position apply to individual nominees');
      }
      if (individual && dto.femaleShare !== undefined)
        throw NominationErrors.invalid('femaleShare applies to collectives');
      const next: NominationEntity = {
        ...n,
        summary: dto.summary ?? n.summary,
        nomineeName: individual && dto.fullName ? dto.fullName.trim() : n.nomineeName,
        nomineeGender: individual && dto.gender ? dto.gender : n.nomineeGender,
        nomineePosition: individual && dto.position ? dto.position.trim() : n.nomineePosition,
        nomineeFemaleShare: dto.femaleShare !== undefined ? String(dto.femaleShare) : n.nomineeFemaleShare,
        updatedAt: new Date(),
      };
      next.nomineeKey = individual ? `person:${n.nomineeOrgId}:${foldText(next.nomineeName)}` : n.nomineeKey;
      next.searchText = foldText(
        `${n.dossierNumber} ${next.nomineeName} ${next.nomineePosition ?? ''} ${next.summary}`,
      );
      await tx
        .getRepository(NominationEntity)
        .update(
          { id },
          {
            summary: next.summary,
            nomineeName: next.nomineeName,
            nomineeGender: next.nomineeGender,
            nomineePosition: next.nomineePosition,
            nomineeFemaleShare: next.nomineeFemaleShare,
            nomineeKey: next.nomineeKey,
            searchText: next.searchText,
            updatedAt: next.updatedAt,
          },
        )
        .catch((error: { driverError?: { code?: string } }) => {
          if (error.driverError?.code === '23505') throw NominationErrors.duplicate();
          throw error;
        });
      const { instance } = await this.engine.read(id, undefined, tx);
      return (await this.views([{ n: next, instance }], standing, tx))[0];
    });
  }

  /** Sends an event from a person: validates its payload, adds the facts the guards need, and steps the machine. */
  async sendEvent(
    principal: Principal,
    id: string,
    input: { type: string; payload?: Record<string, unknown> },
    opts: { expectedVersion?: number; idempotencyKey?: string },
  ): Promise<Replayable<NominationView>> {
    const hash = requestHash({ op: 'nomination.event', id, type: input.type, payload: input.payload ?? {} });
    const known = await this.standings.of(principal);
    return this.engine.transaction((tx) =>
      this.idempotency.execute(
        tx,
        opts.idempotencyKey
          ? { principal: principal.userId, key: opts.idempotencyKey, requestHash: hash }
          : undefined,
        200,
        () =>
          this.applyIn(
            tx,
            principal,
            known,
            id,
            input.type,
            (n) => eventPayload(MACHINE_OF_ROUTE[n.route], input.type, input.payload ?? {}),
            opts.expectedVersion,
          ),
      ),
    );
  }

  /**
   * Applies a person's event to one nomination inside the caller's transaction, with every check a single event
   * gets (scope, the access table, the state, the guards and their facts). `payload` builds the event's data once
   * the nomination is known. A refusal writes nothing, so the caller's transaction stays usable (a batch goes on
   * to collect the refusals of the others).
   */
  async applyIn(
    tx: EntityManager,
    principal: Principal,
    known: Standing,
    id: string,
    type: string,
    payload: (n: NominationEntity) => Record<string, unknown>,
    expectedVersion?: number,
  ): Promise<NominationView> {
    const sendOptions = (n: NominationEntity, standing: Standing) => ({
      actor: actorOf(principal),
      expectedVersion,
      entitled: (eventType: string) => mayAct(eventType, standing, facts(n)),
    });
    const { n, instance, ledBy } = await this.readModel.lock(tx, id, {
      beforeWaiting: (committed) => {
        const standing = withLeadership(known, committed.n, committed.ledBy);
        if (!maySee(standing, facts(committed.n))) throw NominationErrors.notFound(id);
        this.engine.refuseCommitted(committed.instance, { type }, sendOptions(committed.n, standing));
      },
    });
    // Who leads the cluster that year is read with the nomination, in this transaction: a leadership changed a
    // moment ago counts, whatever a cache still holds.
    const standing = withLeadership(known, n, ledBy);
    if (!maySee(standing, facts(n))) throw NominationErrors.notFound(id);
    const event: WorkflowEvent = { type, ...payload(n), ...(await this.facts(tx, n, type)) };
    const step = await this.engine.sendIn(tx, id, event, { ...sendOptions(n, standing), locked: instance });
    const fresh = await this.readModel.afterStep(tx, n);
    return (await this.views([{ n: fresh, instance: step.instance }], standing, tx))[0];
  }

  /** Facts from the database that the machine's guards decide on: the dossier, the policy, the quota, the minutes. */
  private async facts(
    tx: EntityManager,
    n: NominationEntity,
    type: string,
  ): Promise<Record<string, unknown>> {
    if (DOSSIER_EVENTS.has(type)) {
      // The dossier as submitted is frozen in the history entry: each current document with its sha256, read once
      // the nomination is locked (an upload takes the same lock), so that none committed before it is missed.
      const documents = await tx.getRepository(NominationDocumentEntity).find({
        where: { nominationId: n.id, supersededAt: IsNull() },
        order: { kind: 'ASC', id: 'ASC' },
      });
      const dossier = {
        kinds: [...new Set(documents.map((d) => d.kind))],
        documents: documents.map((d) => ({ id: d.id, kind: d.kind, sha256: d.sha256 })),
      };
      if (type === 'SUPPLEMENT') return { dossier };
      const policy = await this.awards.policyInForce(n.awardType, undefined, tx);
      return {
        dossier,
        policy: nominationPolicy(policy.rules),
        policyId: policy.id,
        ...(await this.eligibilities.facts(tx, n, policy)),
      };
    }
    if (type === 'APPRAISAL_PASSED') {
      // The Board decides on the register as it is now, against the policy the nomination was submitted under.
      return this.eligibilities.facts(tx, n, await this.awards.policy(n.policyId, tx));
    }
    if (type === 'FORWARD') {
      // Serialise forwards of one cluster (or unit), award and year, so that two cannot both take the last place.
      const scope = n.route === 'cluster' ? n.clusterId : n.nominatingOrgId;
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `quota:${scope}:${n.awardType}:${n.year}`,
      ]);
      const policy = await this.awards.policy(n.policyId, tx);
      const [{ used }] = (await tx.query(
        `SELECT count(*)::int AS used FROM nominations
          WHERE award_type = $1 AND year = $2 AND forwarded_at IS NOT NULL AND state <> 'withdrawn'
            AND ${n.route === 'cluster' ? 'cluster_id' : 'nominating_org_id'} = $3`,
        [n.awardType, n.year, scope],
      )) as { used: number }[];
      const limit = await this.quotaLimit(tx, n, policy.rules);
      const kinds = await this.currentKinds(tx, n.id);
      return { minutesAttached: kinds.includes('voteMinutes'), quota: { used, limit } };
    }
    return {};
  }

  private async quotaLimit(tx: EntityManager, n: NominationEntity, rules: PolicyRules): Promise<number> {
    const limits: number[] = [];
    if (n.route === 'cluster') {
      if (rules.quota.perCluster !== null && rules.quota.perCluster !== undefined)
        limits.push(rules.quota.perCluster);
      if (rules.quota.shareOfEligible) {
        const [{ members }] = (await tx.query(
          `SELECT count(*)::int AS members FROM cluster_memberships WHERE cluster_id = $1 AND year = $2`,
          [n.clusterId, n.year],
        )) as { members: number }[];
        limits.push(Math.floor(members * rules.quota.shareOfEligible));
      }
    } else if (rules.quota.perNominatingUnit !== null && rules.quota.perNominatingUnit !== undefined) {
      limits.push(rules.quota.perNominatingUnit);
    }
    return limits.length > 0 ? Math.min(...limits) : Number.MAX_SAFE_INTEGER;
  }

  private async currentKinds(tx: EntityManager, nominationId: string): Promise<string[]> {
    const rows: { kind: string }[] = await tx.query(
      `SELECT DISTINCT kind FROM nomination_documents WHERE nomination_id = $1 AND superseded_at IS NULL ORDER BY kind`,
      [nominationId],
    );
    return rows.map((r) => r.kind);
  }

  // ---- views -------------------------------------------------------------------------------------------------

  async views(
    rows: { n: NominationEntity; instance: InstanceView }[],
    standing: Standing,
    tx?: EntityManager,
  ): Promise<NominationView[]> {
    const orgIds = rows.flatMap(({ n }) => [n.nominatingOrgId, ...(n.clusterId ? [n.clusterId] : [])]);
    const loads = [
      () => this.organizations.views(orgIds, tx),
      () => this.awards.typeNames(tx),
      () =>
        this.awards.policyHeaders(
          rows.map(({ n }) => n.policyId),
          tx,
        ),
    ] as const;
    // Inside a transaction the three share its connection: one after another (pg queues them anyway).
    const [orgs, types, policies] = tx
      ? [await loads[0](), await loads[1](), await loads[2]()]
      : await Promise.all([loads[0](), loads[1](), loads[2]()]);
    const calendar = await this.calendar.table(tx);
    // An ended nominating unit is shown with the organisation that continues its work now.
    const heirs = await this.organizations.heirs(
      rows.map(({ n }) => n.nominatingOrgId).filter((id) => orgs.get(id)?.successorId),
      tx,
    );
    const heir = (id: string) => {
      const h = heirs.get(id);
      return h ? { id: h.id, code: h.code, nameVi: h.nameVi, nameEn: h.nameEn } : null;
    };
    return rows.map(({ n, instance }) => {
      const definition = findWorkflow(instance.machineId, instance.machineVersion)!;
      const nominating = orgs.get(n.nominatingOrgId)!;
      const cluster = n.clusterId ? orgs.get(n.clusterId) : undefined;
      const type = types.get(n.awardType)!;
      const policy = policies.get(n.policyId)!;
      const allowed = this.engine
        .allowedEventsOf(instance, (type) => mayAct(type, standing, facts(n)))
        .map((type) => ({ type, label: definition.events[type].label, needs: EVENT_NEEDS[type] ?? [] }));
      return {
        id: n.id,
        dossierNumber: n.dossierNumber,
        awardType: { code: n.awardType, nameVi: type.nameVi, nameEn: type.nameEn },
        year: n.year,
        route: n.route,
        clusterId: n.clusterId,
        cluster: cluster ? { id: cluster.id, nameVi: cluster.nameVi, nameEn: cluster.nameEn } : null,
        nominatingOrganization: {
          id: nominating.id,
          code: nominating.code,
          nameVi: nominating.nameVi,
          nameEn: nominating.nameEn,
          active: nominating.active,
          successor: heir(nominating.id),
        },
        nominee: {
          kind: n.nomineeKind,
          organizationId: n.nomineeOrgId,
          name: n.nomineeName,
          personId: n.nomineePersonId,
          gender: n.nomineeGender,
          position: n.nomineePosition,
          femaleShare: n.nomineeFemaleShare === null ? null : Number(n.nomineeFemaleShare),
          details: nomineeDetailsView(n),
        },
        summary: n.summary,
        state: instance.state,
        stateLabel: instance.label,
        status: instance.status,
        version: instance.version,
        machineVersion: instance.machineVersion,
        allowedEvents: allowed,
        dueAt: n.dueAt ? new Date(n.dueAt).toISOString() : null,
        dueProvisional: n.dueAt
          ? calendar.provisional(Number(localDate(new Date(n.dueAt)).slice(0, 4)))
          : false,
        overdue: instance.context.overdue === true,
        policy: { id: policy.id, version: policy.version, effectiveFrom: policy.effectiveFrom },
        lastReason: (instance.context.lastReason as string | null) ?? null,
        vote: instance.context.vote ?? null,
        decision: instance.context.decision ?? null,
        createdAt: new Date(n.createdAt).toISOString(),
        updatedAt: instance.updatedAt,
        submittedAt: n.submittedAt ? new Date(n.submittedAt).toISOString() : null,
        decidedAt: n.decidedAt ? new Date(n.decidedAt).toISOString() : null,
      };
    });
  }
}

/** What of an event's payload the history shows: its data, without the facts the server added for the guards. */
function publicPayload(event: Record<string, unknown>): Record<string, unknown> {
  const { type: _type, policy: _policy, quota, minutesAttached, dossier, ...rest } = event;
  return {
    ...rest,
    ...(quota ? { quota } : {}),
    ...(minutesAttached !== undefined ? { minutesAttached } : {}),
    ...(dossier ? { dossier } : {}),
  };
}
