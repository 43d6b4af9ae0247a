import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { stateLabel, findWorkflow } from '../../workflows';
import {
  finalResults,
  type SessionCandidate,
  type TallyResult,
  type VotingSessionContext,
} from '../../workflows/voting-session.machine';
import { actorOf, type Principal } from '../auth/principal';
import { isCentral } from '../auth/roles';
import { AwardsService } from '../awards/awards.service';
import { SYSTEM_ACTOR } from '../engine/actor';
import { sql } from '../engine/sql';
import { WorkflowEngine, type InstanceView } from '../engine/workflow-engine.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService, type Standing } from '../organizations/standing.service';
import { renderMinutes, renderMinutesDocx, type MinutesData } from './minutes';
import { GeneratedDocumentsService, toGeneratedView } from '../documents/generated-documents.service';
import { quorumMet, required, tally, type TallyCandidate } from './tally';
import {
  type SessionItem,
  VotingBallotEntity,
  VotingCandidateEntity,
  VotingReceiptEntity,
  VotingSessionEntity,
} from './voting.entities';
import { leadsSession, maySeeSession } from './session-access';
import { VotingErrors } from './voting.errors';

const LEADER_EVENTS = ['OPEN', 'CLOSE', 'RUNOFF', 'CERTIFY', 'CANCEL'];
const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

export interface CreateSessionInput {
  clusterId: string;
  year: number;
  items: { awardType: string; nominationIds: string[] }[];
  closesAt?: string;
}

function receiptCode(): string {
  return Array.from(randomBytes(10), (b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('');
}

/**
 * Voting sessions: candidates, the secret ballot, the tally by the award policy, run-offs and certification.
 * A ballot is stored without anything that links it to its voter; only turnout (which organisations voted) is
 * kept by name.
 */
@Injectable()
export class VotingService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly awards: AwardsService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly generated: GeneratedDocumentsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    // When a session closes (by its leader or by its deadline) it is tallied in the same transaction.
    this.engine.project('votingSession', async (tx, step) => {
      if (step.instance.state === 'closed') await this.tallyClosed(tx, step.instance);
    });
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

  // ---- access ------------------------------------------------------------------------------------------------

  private leads(standing: Standing, s: { clusterId: string; year: number }): boolean {
    return leadsSession(standing, s);
  }

  private async visible(principal: Principal, id: string, tx?: EntityManager) {
    const session = await (tx ?? this.dataSource.manager)
      .getRepository(VotingSessionEntity)
      .findOneBy({ id });
    const standing = await this.standings.of(principal, tx);
    if (!session || !maySeeSession(standing, session)) throw VotingErrors.notFound(id);
    return { session, standing };
  }

  // ---- commands ----------------------------------------------------------------------------------------------

  async create(principal: Principal, input: CreateSessionInput) {
    const standing = await this.standings.of(principal);
    if (!this.leads(standing, input) || !standing.orgActive) throw VotingErrors.notLeader();
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
      const items: SessionItem[] = [];
      for (const item of input.items) {
        const type = await this.awards.type(item.awardType);
        const policy = await this.awards.policyInForce(item.awardType, undefined, tx);
        if (type.route !== 'cluster' || !policy.rules.vote) {
          throw VotingErrors.invalid('AWARD_NOT_VOTED', `${item.awardType} is not chosen by a cluster vote`);
        }
        const limits = [policy.rules.quota.perCluster ?? Infinity];
        if (policy.rules.quota.shareOfEligible) {
          const members = await this.organizations.membership(input.clusterId, input.year, tx);
          limits.push(Math.floor(members.length * policy.rules.quota.shareOfEligible));
        }
        const quota = Math.min(...limits, item.nominationIds.length);
        items.push({
          awardType: item.awardType,
          policyId: policy.id,
          quota,
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
      const eligible = (await this.organizations.membership(input.clusterId, input.year, tx)).map(
        (m) => m.organizationId,
      );
      const id = randomUUID();
      await tx.getRepository(VotingSessionEntity).insert({
        id,
        clusterId: input.clusterId,
        year: input.year,
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
      const { session, standing } = await this.visible(principal, id, tx);
      if (!LEADER_EVENTS.includes(input.type)) {
        throw VotingErrors.invalid('UNKNOWN_EVENT', `Unknown event ${input.type}`, {
          knownEvents: LEADER_EVENTS,
        });
      }
      const entitled = (type: string) =>
        LEADER_EVENTS.includes(type) && this.leads(standing, session) && standing.orgActive;
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
          event.minutes = await this.writeMinutes(tx, session, instance);
        }
      }
      await this.engine.sendIn(tx, id, event, { actor: actorOf(principal), expectedVersion, entitled });
      return this.view(principal, id, tx);
    });
  }

  /** Casts the ballot of the caller's organisation in the current round and returns only a receipt code. */
  async castBallot(
    principal: Principal,
    id: string,
    choices: { awardType: string; nominationIds: string[] }[],
  ) {
    if (principal.role !== 'CLUSTER_VOTER') throw VotingErrors.notVoter();
    return this.engine.transaction(async (tx) => {
      const { session, standing } = await this.visible(principal, id, tx);
      const voterOrg = standing.orgIds.find((o) => session.eligibleOrgIds.includes(o));
      if (!voterOrg || !standing.orgActive) throw VotingErrors.notEligible();
      // Lock the session: ballots and the close of the round are serialised.
      const [row] = (await tx.query(
        `SELECT state, snapshot FROM workflow_instances WHERE id = $1 FOR UPDATE`,
        [id],
      )) as {
        state: string;
        snapshot: { context: VotingSessionContext };
      }[];
      const context = row.snapshot.context;
      if (
        row.state !== 'open' ||
        (context.round === 1 && session.closesAt && session.closesAt.getTime() <= Date.now())
      ) {
        throw VotingErrors.notOpen(row.state);
      }
      const ballot = await this.validateChoices(tx, session, context, voterOrg, standing, choices);
      const turnout = await sql(
        tx,
        `INSERT INTO voting_turnout (session_id, round, organization_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [id, context.round, voterOrg],
      );
      if (turnout.rows.length === 0) throw VotingErrors.alreadyVoted();
      await tx
        .getRepository(VotingBallotEntity)
        .insert({ id: randomUUID(), sessionId: id, round: context.round, choices: ballot });
      const code = receiptCode();
      await tx.getRepository(VotingReceiptEntity).insert({ sessionId: id, round: context.round, code });
      await tx.query(`SELECT pg_notify('thidua_turnout', $1)`, [id]);
      return { receipt: code, round: context.round };
    });
  }

  private async validateChoices(
    tx: EntityManager,
    session: VotingSessionEntity,
    context: VotingSessionContext,
    voterOrg: string,
    standing: Standing,
    choices: { awardType: string; nominationIds: string[] }[],
  ): Promise<Record<string, string[]>> {
    const ballot: Record<string, string[]> = {};
    const last = context.results.at(-1);
    for (const item of session.items) {
      const roundCandidates = context.roundCandidates
        .filter((c) => c.awardType === item.awardType)
        .map((c) => c.nominationId);
      if (roundCandidates.length > 0) ballot[item.awardType] = [];
    }
    const seenAwards = new Set<string>();
    for (const choice of choices) {
      if (!(choice.awardType in ballot)) {
        throw VotingErrors.invalid('UNKNOWN_AWARD', `${choice.awardType} is not voted on in this round`);
      }
      if (seenAwards.has(choice.awardType))
        throw VotingErrors.invalid('DUPLICATE_AWARD', 'Each award appears once in a ballot');
      seenAwards.add(choice.awardType);
      const ids = [...new Set(choice.nominationIds)];
      if (ids.length !== choice.nominationIds.length)
        throw VotingErrors.invalid('DUPLICATE_CHOICE', 'A candidate is chosen once');
      const allowed = context.roundCandidates
        .filter((c) => c.awardType === choice.awardType)
        .map((c) => c.nominationId);
      const strangers = ids.filter((n) => !allowed.includes(n));
      if (strangers.length > 0)
        throw VotingErrors.invalid('NOT_A_CANDIDATE', 'Only this round’s candidates can be chosen', {
          nominationIds: strangers,
        });
      const item = session.items.find((i) => i.awardType === choice.awardType)!;
      const places =
        context.round > 1
          ? (last?.runoff.find((r) => r.awardType === choice.awardType)?.places ?? item.quota)
          : item.quota;
      if (ids.length > places) {
        throw VotingErrors.invalid('TOO_MANY_CHOICES', `At most ${places} for ${choice.awardType}`, {
          awardType: choice.awardType,
          places,
        });
      }
      if (!item.rules.selfVote && ids.length > 0) {
        const own = (await tx.query(
          `SELECT id FROM nominations WHERE id = ANY($1::uuid[]) AND nominating_org_id = ANY($2::uuid[])`,
          [ids, standing.orgIds],
        )) as { id: string }[];
        if (own.length > 0)
          throw VotingErrors.invalid(
            'SELF_VOTE_NOT_ALLOWED',
            'The policy does not allow voting for your own candidate',
          );
      }
      ballot[choice.awardType] = ids.sort();
    }
    void voterOrg;
    return ballot;
  }

  /** Runs when a session enters `closed`: checks the quorum, shuffles the round's ballots, tallies, sends TALLY. */
  private async tallyClosed(tx: EntityManager, instance: InstanceView): Promise<void> {
    const context = instance.context as unknown as VotingSessionContext;
    const session = await tx.getRepository(VotingSessionEntity).findOneByOrFail({ id: instance.id });
    const [{ turnout }] = (await tx.query(
      `SELECT count(*)::int AS turnout FROM voting_turnout WHERE session_id = $1 AND round = $2`,
      [instance.id, context.round],
    )) as { turnout: number }[];
    const eligible = session.eligibleOrgIds.length;
    const quorumShare = Math.max(...session.items.map((i) => i.rules.quorumShare));
    if (!quorumMet(turnout, eligible, quorumShare)) {
      if (context.closedBy === 'deadline') {
        await this.engine.sendIn(
          tx,
          instance.id,
          { type: 'NO_QUORUM', turnout, eligible },
          { actor: SYSTEM_ACTOR },
        );
        return;
      }
      throw VotingErrors.noQuorum(turnout, required(quorumShare, eligible, false));
    }
    // The round's ballots are rewritten in random order with new ids, so even their physical order tells nothing.
    const { rows: ballots } = await sql<{ choices: Record<string, string[]> }>(
      tx,
      `DELETE FROM voting_ballots WHERE session_id = $1 AND round = $2 RETURNING choices`,
      [instance.id, context.round],
    );
    const shuffled = ballots
      .map((b) => ({ b, k: randomBytes(8).readBigUInt64BE() }))
      .sort((x, y) => (x.k < y.k ? -1 : 1));
    for (const { b } of shuffled) {
      await tx
        .getRepository(VotingBallotEntity)
        .insert({ id: randomUUID(), sessionId: instance.id, round: context.round, choices: b.choices });
    }
    const nominees = (await tx.query(
      `SELECT id, nominee_kind, nominee_gender, nominee_female_share FROM nominations WHERE id = ANY($1::uuid[])`,
      [context.roundCandidates.map((c) => c.nominationId)],
    )) as {
      id: string;
      nominee_kind: 'collective' | 'individual';
      nominee_gender: 'female' | 'male' | null;
      nominee_female_share: string | null;
    }[];
    const candidate = (id: string): TallyCandidate => {
      const n = nominees.find((x) => x.id === id)!;
      return {
        nominationId: id,
        nomineeKind: n.nominee_kind,
        gender: n.nominee_gender,
        femaleShare: n.nominee_female_share === null ? null : Number(n.nominee_female_share),
      };
    };
    const last = context.results.at(-1);
    const result: TallyResult = tally({
      round: context.round,
      eligible,
      ballots: shuffled.map(({ b }) => ({ choices: b.choices })),
      places:
        context.round > 1
          ? Object.fromEntries((last?.runoff ?? []).map((r) => [r.awardType, r.places]))
          : undefined,
      items: session.items
        .map((item) => ({
          awardType: item.awardType,
          quota: item.quota,
          rules: item.rules,
          tieBreak: item.tieBreak,
          candidates: context.roundCandidates
            .filter((c) => c.awardType === item.awardType)
            .map((c) => candidate(c.nominationId)),
        }))
        .filter((item) => item.candidates.length > 0),
    });
    await this.engine.sendIn(
      tx,
      instance.id,
      { type: 'TALLY', result, quorumMet: true },
      { actor: SYSTEM_ACTOR },
    );
  }

  /** Renders the minutes, stores them, and attaches them to every candidate's dossier; returns their hash. */
  private async writeMinutes(tx: EntityManager, session: VotingSessionEntity, instance: InstanceView) {
    const context = instance.context as unknown as VotingSessionContext;
    const results = finalResults(context);
    const nominations = (await tx.query(
      `SELECT n.id, n.nominee_name, o.name_vi AS nominating FROM nominations n JOIN organizations o ON o.id = n.nominating_org_id
        WHERE n.id = ANY($1::uuid[])`,
      [results.map((r) => r.nominationId)],
    )) as { id: string; nominee_name: string; nominating: string }[];
    const orgs = await this.organizations.views(session.eligibleOrgIds);
    const turnout = (await tx.query(
      `SELECT round, organization_id FROM voting_turnout WHERE session_id = $1 ORDER BY round`,
      [session.id],
    )) as { round: number; organization_id: string }[];
    const cluster = await this.organizations.get(session.clusterId, tx);
    const awardNames = (await tx.query(`SELECT code, name_vi FROM award_types`)) as {
      code: string;
      name_vi: string;
    }[];
    const data: MinutesData = {
      clusterName: cluster.nameVi,
      year: session.year,
      certifiedAt: new Date(),
      eligible: session.eligibleOrgIds
        .map((o) => orgs.get(o)?.nameVi ?? o)
        .sort((a, b) => a.localeCompare(b, 'vi')),
      rounds: context.results.map((r) => ({
        round: r.round,
        ballots: r.turnout,
        voted: turnout
          .filter((t) => t.round === r.round)
          .map((t) => orgs.get(t.organization_id)?.nameVi ?? t.organization_id)
          .sort((a, b) => a.localeCompare(b, 'vi')),
      })),
      items: session.items.map((item) => ({
        awardName: awardNames.find((a) => a.code === item.awardType)?.name_vi ?? item.awardType,
        quota: item.quota,
        candidates: results
          .filter((r) => r.awardType === item.awardType)
          .sort((a, b) => a.rank - b.rank)
          .map((r) => {
            const n = nominations.find((x) => x.id === r.nominationId)!;
            const note =
              r.tieBreak === 'female'
                ? 'ưu tiên nữ'
                : r.tieBreak === 'femaleCollective70'
                  ? 'ưu tiên tập thể có từ 70 % nữ'
                  : context.results.length > 1 &&
                      context.results
                        .slice(1)
                        .some((x) => x.candidates.some((c) => c.nominationId === r.nominationId))
                    ? 'sau bỏ phiếu lại'
                    : '';
            return {
              name: n.nominee_name,
              nominatingUnit: n.nominating,
              approvals: r.approvals,
              share: r.share,
              rank: r.rank,
              selected: r.selected,
              note,
            };
          }),
      })),
    };
    const subject = {
      subjectType: 'votingSession',
      subjectId: session.id,
      organizationIds: [...session.eligibleOrgIds, session.clusterId],
    };
    const fileName = `bien-ban-binh-xet-${session.year}`;
    const pdf = await this.generated.create(tx, {
      ...subject,
      kind: 'voteMinutes',
      format: 'pdf',
      fileName: `${fileName}.pdf`,
      content: await renderMinutes(data),
      createdBy: null,
    });
    const docx = await this.generated.create(tx, {
      ...subject,
      kind: 'voteMinutes',
      format: 'docx',
      fileName: `${fileName}.docx`,
      content: await renderMinutesDocx(data),
      createdBy: null,
    });
    // The PDF is the frozen minutes in every candidate's dossier; FORWARD requires it.
    await this.generated.attach(
      tx,
      pdf,
      results.map((r) => r.nominationId),
      'voteMinutes',
    );
    return { pdf: { id: pdf.id, sha256: pdf.sha256 }, docx: { id: docx.id, sha256: docx.sha256 } };
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
    const { session, standing } = await this.visible(principal, id, tx);
    const { instance } = await this.engine.read(id, undefined, tx);
    const context = instance.context as unknown as VotingSessionContext;
    const definition = findWorkflow(instance.machineId, instance.machineVersion)!;
    const turnoutRows = (await manager.query(
      `SELECT organization_id FROM voting_turnout WHERE session_id = $1 AND round = $2`,
      [id, context.round],
    )) as { organization_id: string }[];
    const candidates = (await manager.query(
      `SELECT n.id, n.nominee_name, n.nominating_org_id FROM nominations n WHERE n.id = ANY($1::uuid[])`,
      [context.candidates.map((c) => c.nominationId)],
    )) as { id: string; nominee_name: string; nominating_org_id: string }[];
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
          (type) => LEADER_EVENTS.includes(type) && this.leads(standing, session) && standing.orgActive,
        )
        .map((type) => ({ type, label: definition.events[type].label })),
      round: context.round,
      closesAt: session.closesAt ? session.closesAt.toISOString() : null,
      eligible,
      eligibleOrganizations: session.eligibleOrgIds
        .map(name)
        .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')),
      quorum: { share: quorumShare, required: required(quorumShare, eligible, false) },
      turnout: {
        count: turnoutRows.length,
        organizations: turnoutRows
          .map((t) => name(t.organization_id))
          .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')),
        youVoted: voterOrg ? turnoutRows.some((t) => t.organization_id === voterOrg) : null,
      },
      items: session.items.map((item) => ({
        awardType: item.awardType,
        quota: item.quota,
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
            };
          }),
      })),
      results: results && {
        candidates: results,
        rounds: context.results.map((r) => ({ round: r.round, turnout: r.turnout, runoff: r.runoff })),
      },
      receipts: talliedRounds.map((round) => ({
        round,
        codes: receipts.filter((r) => r.round === round).map((r) => r.code),
      })),
      minutes: await this.minutesDocuments(id, tx),
    };
  }

  private async minutesDocuments(id: string, tx?: EntityManager) {
    const docs = await this.generated.latest('votingSession', id, 'voteMinutes', tx);
    if (docs.length === 0) return null;
    const pdf = docs.find((d) => d.format === 'pdf');
    const docx = docs.find((d) => d.format === 'docx');
    return {
      sha256: pdf?.sha256 ?? null,
      pdf: pdf ? toGeneratedView(pdf) : null,
      docx: docx ? toGeneratedView(docx) : null,
    };
  }

  /** The certified minutes, as frozen at certification (PDF, or DOCX for editing). */
  async minutes(principal: Principal, id: string, format: 'pdf' | 'docx') {
    await this.visible(principal, id);
    const doc = (await this.generated.latest('votingSession', id, 'voteMinutes')).find(
      (d) => d.format === format,
    );
    if (!doc) throw VotingErrors.invalid('NO_MINUTES', 'The minutes exist once the result is certified');
    return this.generated.open(principal, doc.id);
  }
}
