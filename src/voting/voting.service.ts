import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { stateLabel, findWorkflow } from '../../workflows';
import {
  finalResults,
  type SessionCandidate,
  type VotingSessionContext,
} from '../../workflows/voting-session.machine';
import { actorOf, type Principal } from '../auth/principal';
import { isCentral } from '../auth/roles';
import { AwardsService } from '../awards/awards.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';
import { ClusterSeats } from '../organizations/cluster-seats.service';
import { required } from './tally';
import { VotingAccess } from './voting-access.service';
import { DOCUMENT_KINDS, type DocumentKind } from '../awards/document-kinds';
import { NominationsService } from '../nominations/nominations.service';
import { MeetingsService } from '../meetings/meetings.service';
import { VotingMinutes } from './voting-minutes.service';
import { VotingPlaces } from './voting-places.service';
import { type SessionItem, VotingCandidateEntity, VotingSessionEntity } from './voting.entities';
import { maySeeSession } from './session-access';
import { VotingErrors } from './voting.errors';

const LEADER_EVENTS = ['OPEN', 'CLOSE', 'RUNOFF', 'CERTIFY', 'CANCEL'];

export interface CreateSessionInput {
  clusterId: string;
  year: number;
  meetingId: string;
  items: { awardType: string; nominationIds: string[] }[];
  closesAt?: string;
}

/**
 * Voting sessions: their candidates, the leader's commands (open, close, run-off, certify, cancel) and what each
 * caller may see of them. Ballots are in the ballot box (`BallotBox`), the count in `VotingTally`, the minutes in
 * `VotingMinutes`.
 */
@Injectable()
export class VotingService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly awards: AwardsService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly notifications: NotificationsService,
    private readonly access: VotingAccess,
    private readonly minutes: VotingMinutes,
    private readonly nominations: NominationsService,
    private readonly seats: ClusterSeats,
    private readonly meetings: MeetingsService,
    private readonly places: VotingPlaces,
  ) {}

  onModuleInit(): void {
    this.notifications.registerSubject('votingSession', async (tx, id) => {
      const session = await tx.getRepository(VotingSessionEntity).findOneBy({ id });
      if (!session) return null;
      const { instance } = await this.engine.read(id, undefined, tx);
      const cluster = await this.organizations.get(session.clusterId, tx);
      return {
        type: 'votingSession',
        id,
        title: {
          vi: `Bình xét thi đua ${session.year} – ${cluster.nameVi}`,
          en: `${session.year} vote – ${cluster.nameEn}`,
        },
        stateLabel: instance.label,
        path: `/app/voting-sessions/${id}`,
        context: {
          clusterId: session.clusterId,
          year: session.year,
          candidateOrgIds: (
            (await tx.query(
              `SELECT DISTINCT n.nominating_org_id FROM voting_candidates c JOIN nominations n ON n.id = c.nomination_id WHERE c.session_id = $1`,
              [id],
            )) as { nominating_org_id: string }[]
          ).map((r) => r.nominating_org_id),
        },
        mustAct:
          instance.state === 'open' ? [{ audience: 'clusterVoters' }] : [{ audience: 'clusterLeadership' }],
        visibleTo: (standing) => maySeeSession(standing, session),
      };
    });
  }

  // ---- commands ----------------------------------------------------------------------------------------------

  async create(principal: Principal, input: CreateSessionInput) {
    const standing = await this.standings.of(principal);
    if (!this.access.leads(standing, input) || !standing.orgActive) throw VotingErrors.notLeader();
    if (input.closesAt && !(Date.parse(input.closesAt) > Date.now())) {
      throw VotingErrors.invalid('INVALID_CLOSING_TIME', 'closesAt must be in the future');
    }
    const awardTypes = input.items.map((i) => i.awardType);
    if (new Set(awardTypes).size !== awardTypes.length)
      throw VotingErrors.invalid('DUPLICATE_AWARD', 'Each award appears once');
    const nominationIds = input.items.flatMap((i) => i.nominationIds);
    if (new Set(nominationIds).size !== nominationIds.length) {
      throw VotingErrors.invalid('DUPLICATE_CANDIDATE', 'A nomination is a candidate once');
    }
    return this.engine.transaction(async (tx) => {
      if (!(await this.access.leadsNow(tx, standing, input))) throw VotingErrors.notLeader();
      const meeting = await this.meetings.find(tx, input.meetingId);
      if (
        !meeting ||
        meeting.kind !== 'clusterConference' ||
        meeting.organizationId !== input.clusterId ||
        meeting.year !== input.year
      ) {
        throw VotingErrors.invalid(
          'MEETING_INVALID',
          "The meeting must be this cluster's conference of that year",
          {
            fields: [
              { field: 'meetingId', problems: ['a conference of this cluster and year (POST /meetings)'] },
            ],
          },
        );
      }
      for (const award of [...awardTypes].sort())
        await this.places.lock(tx, input.clusterId, input.year, award);
      const items: SessionItem[] = [];
      for (const item of input.items) {
        const type = await this.awards.type(item.awardType);
        const policy = await this.awards.policyInForce(item.awardType, undefined, tx);
        if (type.route !== 'cluster' || !policy.rules.vote) {
          throw VotingErrors.invalid('AWARD_NOT_VOTED', `${item.awardType} is not chosen by a cluster vote`);
        }
        const limits = [policy.rules.quota.perCluster ?? Infinity];
        if (policy.rules.quota.shareOfEligible) {
          const seats = await this.seats.of(input.clusterId, input.year, tx);
          limits.push(Math.floor(seats.length * policy.rules.quota.shareOfEligible));
        }
        const yearQuota = Math.min(...limits);
        items.push({
          awardType: item.awardType,
          policyId: policy.id,
          quota: Math.min(yearQuota, item.nominationIds.length),
          yearQuota: Number.isFinite(yearQuota) ? yearQuota : undefined,
          takenEarlier: 0,
          rules: policy.rules.vote,
          tieBreak: policy.rules.tieBreak,
        });
      }
      const rows = (await tx.query(
        `SELECT n.id, n.award_type, n.cluster_id, n.year, n.state,
                EXISTS (SELECT 1 FROM voting_candidates c JOIN workflow_instances w ON w.id = c.session_id
                         WHERE c.nomination_id = n.id AND w.state NOT IN ('certified', 'cancelled', 'noQuorum')) AS busy
           FROM nominations n WHERE n.id = ANY($1::uuid[]) FOR UPDATE OF n`,
        [nominationIds],
      )) as {
        id: string;
        award_type: string;
        cluster_id: string;
        year: number;
        state: string;
        busy: boolean;
      }[];
      const problems = nominationIds.filter((id) => {
        const row = rows.find((r) => r.id === id);
        const award = input.items.find((i) => i.nominationIds.includes(id))!.awardType;
        return (
          !row ||
          row.cluster_id !== input.clusterId ||
          row.year !== input.year ||
          row.award_type !== award ||
          row.state !== 'accepted'
        );
      });
      if (problems.length > 0) {
        throw VotingErrors.invalid(
          'CANDIDATE_NOT_ACCEPTED',
          'Candidates must be nominations of this cluster, year and award, accepted by the cluster',
          { nominationIds: problems },
        );
      }
      const busy = rows.filter((r) => r.busy).map((r) => r.id);
      if (busy.length > 0)
        throw VotingErrors.invalid('CANDIDATE_IN_ANOTHER_SESSION', 'Already a candidate in an open session', {
          nominationIds: busy,
        });
      // The session may fill only the places of the year its cluster has left, and says so in its items.
      for (const item of items) {
        if (item.yearQuota === undefined) continue;
        const taken = await this.places.taken(tx, input, item.awardType);
        if (item.yearQuota - taken <= 0) {
          throw VotingErrors.invalid(
            'QUOTA_FILLED',
            `The cluster has filled its ${item.yearQuota} place(s) for ${item.awardType} in ${input.year}`,
            { awardType: item.awardType, yearQuota: item.yearQuota, taken },
          );
        }
        item.takenEarlier = taken;
        item.quota = Math.min(item.quota, item.yearQuota - taken);
      }
      // One seat per organisation that exists now: a member that merged is represented by its heir.
      const eligible = (await this.seats.of(input.clusterId, input.year, tx)).map((s) => s.organizationId);
      const id = randomUUID();
      await tx.getRepository(VotingSessionEntity).insert({
        id,
        clusterId: input.clusterId,
        year: input.year,
        meetingId: input.meetingId,
        items,
        eligibleOrgIds: eligible,
        closesAt: input.closesAt ? new Date(input.closesAt) : null,
        createdBy: principal.userId,
        createdAt: new Date(),
      });
      const candidates: SessionCandidate[] = input.items.flatMap((i) =>
        i.nominationIds.map((nominationId) => ({ nominationId, awardType: i.awardType })),
      );
      await tx.getRepository(VotingCandidateEntity).insert(candidates.map((c) => ({ sessionId: id, ...c })));
      await this.engine.create(
        'votingSession',
        { sessionId: id, candidates, closesAt: input.closesAt ?? null },
        { actor: actorOf(principal), id },
        tx,
      );
      return this.view(principal, id, tx);
    });
  }

  async sendEvent(
    principal: Principal,
    id: string,
    input: { type: string; reason?: string },
    expectedVersion?: number,
  ) {
    return this.engine.transaction(async (tx) => {
      const { session, standing } = await this.access.visible(principal, id, tx);
      if (!LEADER_EVENTS.includes(input.type)) {
        throw VotingErrors.invalid('UNKNOWN_EVENT', `Unknown event ${input.type}`, {
          knownEvents: LEADER_EVENTS,
        });
      }
      const leads = await this.access.leadsNow(tx, standing, session);
      const entitled = (type: string) => LEADER_EVENTS.includes(type) && leads && standing.orgActive;
      const event: { type: string; [k: string]: unknown } = { type: input.type };
      if (input.type === 'CANCEL') event.reason = input.reason ?? '';
      if (input.type === 'RUNOFF') {
        const { instance } = await this.engine.read(id, undefined, tx);
        const last = (instance.context as unknown as VotingSessionContext).results.at(-1);
        event.candidates = (last?.runoff ?? []).flatMap((r) =>
          r.nominationIds.map((nominationId) => ({ nominationId, awardType: r.awardType })),
        );
      }
      if (input.type === 'CERTIFY' && entitled('CERTIFY')) {
        const { instance } = await this.engine.read(id, undefined, tx);
        if (
          instance.state === 'tallied' &&
          (instance.context as unknown as VotingSessionContext).results.at(-1)?.runoff.length === 0
        ) {
          event.minutes = await this.minutes.write(tx, session, instance);
          // The verdicts bear the date of the conference that voted; the history keeps when they were entered.
          if (session.meetingId) event.decidedOn = (await this.meetings.find(tx, session.meetingId))!.heldOn;
        }
      }
      await this.engine.sendIn(tx, id, event, { actor: actorOf(principal), expectedVersion, entitled });
      return this.view(principal, id, tx);
    });
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  async list(principal: Principal, filter: { clusterId?: string; year?: number }) {
    const standing = await this.standings.of(principal);
    // As `visible` decides: the leadership sees a session through the role that leads, not through any role.
    const led = standing.role === 'CLUSTER_LEADER' ? standing.ledClusterYears : [];
    const rows = (await this.dataSource.query(
      `SELECT id FROM voting_sessions s
        WHERE ($1::uuid IS NULL OR s.cluster_id = $1) AND ($2::int IS NULL OR s.year = $2)
          AND ($3 OR s.eligible_org_ids && $4::uuid[]
               OR EXISTS (SELECT 1 FROM unnest($5::uuid[], $6::int[]) AS l(c, y) WHERE l.c = s.cluster_id AND l.y = s.year))
        ORDER BY s.created_at DESC LIMIT 100`,
      [
        filter.clusterId ?? null,
        filter.year ?? null,
        isCentral(standing.role),
        standing.orgIds,
        led.map((l) => l.clusterId),
        led.map((l) => l.year),
      ],
    )) as { id: string }[];
    return Promise.all(rows.map((r) => this.view(principal, r.id)));
  }

  /** A session as the caller sees it: before the tally, state and turnout only; after it, the results and receipts. */
  async view(principal: Principal, id: string, tx?: EntityManager) {
    const manager = tx ?? this.dataSource.manager;
    const { session, standing } = await this.access.visible(principal, id, tx);
    const { instance } = await this.engine.read(id, undefined, tx);
    const context = instance.context as unknown as VotingSessionContext;
    const definition = findWorkflow(instance.machineId, instance.machineVersion)!;
    const turnoutRows = (await manager.query(
      `SELECT organization_id FROM voting_turnout WHERE session_id = $1 AND round = $2`,
      [id, context.round],
    )) as { organization_id: string }[];
    const candidates = (await manager.query(
      `SELECT n.id, n.nominee_name, n.nominating_org_id, n.summary FROM nominations n WHERE n.id = ANY($1::uuid[])`,
      [context.candidates.map((c) => c.nominationId)],
    )) as { id: string; nominee_name: string; nominating_org_id: string; summary: string }[];
    // Who votes, leads or oversees reads each candidate's summary and submitted dossier.
    const readsCandidates =
      isCentral(standing.role) ||
      this.access.leads(standing, session) ||
      (standing.role === 'CLUSTER_VOTER' && standing.orgIds.some((o) => session.eligibleOrgIds.includes(o)));
    const dossiers =
      readsCandidates && !['certified', 'cancelled', 'noQuorum'].includes(instance.state)
        ? await this.nominations.submittedDossiers(
            candidates.map((c) => c.id),
            tx,
          )
        : null;
    const orgs = await this.organizations.views([
      ...session.eligibleOrgIds,
      session.clusterId,
      ...candidates.map((c) => c.nominating_org_id),
    ]);
    const name = (o: string) => ({
      id: o,
      nameVi: orgs.get(o)?.nameVi ?? o,
      nameEn: orgs.get(o)?.nameEn ?? o,
    });
    const talliedRounds = context.results.map((r) => r.round);
    const receipts = talliedRounds.length
      ? ((await manager.query(
          `SELECT round, code FROM voting_receipts WHERE session_id = $1 AND round = ANY($2::int[]) ORDER BY round, code`,
          [id, talliedRounds],
        )) as { round: number; code: string }[])
      : [];
    const quorumShare = Math.max(...session.items.map((i) => i.rules.quorumShare));
    const eligible = session.eligibleOrgIds.length;
    const results = context.results.length > 0 ? finalResults(context) : null;
    const voterOrg = standing.orgIds.find((o) => session.eligibleOrgIds.includes(o));
    return {
      id,
      cluster: name(session.clusterId),
      year: session.year,
      state: instance.state,
      stateLabel: stateLabel(definition, instance.state),
      version: instance.version,
      allowedEvents: this.engine
        .allowedEventsOf(
          instance,
          (type) =>
            LEADER_EVENTS.includes(type) && this.access.leads(standing, session) && standing.orgActive,
        )
        .map((type) => ({ type, label: definition.events[type].label })),
      round: context.round,
      closesAt: session.closesAt ? session.closesAt.toISOString() : null,
      eligible,
      eligibleOrganizations: session.eligibleOrgIds
        .map(name)
        .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')),
      // The electorate is fixed when the session is created: a member that merged since keeps its seat, and the
      // session says so (its successor's delegates vote in its place).
      electorateChanges: await this.organizations.electorateChanges(session.eligibleOrgIds, tx),
      quorum: { share: quorumShare, required: required(quorumShare, eligible, false) },
      turnout: {
        count: turnoutRows.length,
        organizations: turnoutRows
          .map((t) => name(t.organization_id))
          .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')),
        youVoted: voterOrg ? turnoutRows.some((t) => t.organization_id === voterOrg) : null,
      },
      meeting: session.meetingId
        ? await this.meetings.view((await this.meetings.find(manager, session.meetingId))!, tx)
        : null,
      items: session.items.map((item) => ({
        awardType: item.awardType,
        quota: item.quota,
        yearQuota: item.yearQuota ?? null,
        takenEarlier: item.takenEarlier ?? 0,
        places:
          context.round > 1
            ? (context.results.at(-1)?.runoff.find((r) => r.awardType === item.awardType)?.places ?? 0)
            : item.quota,
        rules: item.rules,
        tieBreak: item.tieBreak,
        candidates: context.candidates
          .filter((c) => c.awardType === item.awardType)
          .map((c) => {
            const n = candidates.find((x) => x.id === c.nominationId)!;
            return {
              nominationId: c.nominationId,
              nominee: n.nominee_name,
              nominatingOrganization: name(n.nominating_org_id),
              inThisRound: context.roundCandidates.some((r) => r.nominationId === c.nominationId),
              summary: readsCandidates ? n.summary : null,
              documents: dossiers
                ? (dossiers.get(c.nominationId) ?? []).map((d) => ({
                    id: d.id,
                    kind: d.kind,
                    kindLabel: DOCUMENT_KINDS[d.kind as DocumentKind] ?? { vi: d.kind, en: d.kind },
                    fileName: d.fileName,
                    path: `/nominations/${c.nominationId}/documents/${d.id}`,
                  }))
                : null,
            };
          }),
      })),
      results: results && {
        candidates: results,
        rounds: context.results.map((r) => ({
          round: r.round,
          turnout: r.turnout,
          ballots: r.ballots ?? [],
          candidates: r.candidates,
          runoff: r.runoff,
        })),
      },
      receipts: talliedRounds.map((round) => ({
        round,
        codes: receipts.filter((r) => r.round === round).map((r) => r.code),
      })),
      minutes: await this.minutes.documents(id, tx),
    };
  }
}
