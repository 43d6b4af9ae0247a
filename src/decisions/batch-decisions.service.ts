import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { isCentral, type Role } from '../auth/roles';
import { isCalendarDate } from '../calendar/calendar-date';
import { localDate } from '../calendar/working-days';
import { DomainError } from '../common/errors';
import { DocumentRegister, symbolOf } from '../documents/document-register.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { MeetingsService } from '../meetings/meetings.service';
import { NominationErrors } from '../nominations/nominations.errors';
import { NominationsService } from '../nominations/nominations.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { DecisionEntity, DecisionItemEntity, type DecisionKind } from './decision.entity';
import type { CreateDecisionDto } from './decisions.dto';
import { DecisionErrors } from './decisions.errors';

const RECORDED_BY: Record<DecisionKind, Role> = {
  primeMinister: 'PM_OFFICE',
  council: 'COUNCIL_SECRETARY',
  clusterAcceptance: 'CLUSTER_LEADER',
};

const OUTCOMES: Record<DecisionKind, string[]> = {
  primeMinister: ['awarded', 'rejected'],
  council: ['approved', 'rejected'],
  clusterAcceptance: ['accepted'],
};

/**
 * Decisions as documents: one decision moves many nominations in one transaction, each with its history row, or
 * none of them. The Prime Minister's decision (number from the Government Office's register, or the number it
 * bears, once per year; date not in the future; signer), the Council's outcome of one of its sessions (dated by
 * the session), a cluster leader accepting several dossiers. Each nomination gets the event a person would send,
 * with every check of the access table and the machine; if any refuses, nothing is recorded and the answer lists
 * every refusal by nomination.
 */
@Injectable()
export class BatchDecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly nominations: NominationsService,
    private readonly meetings: MeetingsService,
    private readonly organizations: OrganizationsService,
    private readonly register: DocumentRegister,
    private readonly audit: AuditService,
  ) {}

  async record(principal: Principal, dto: CreateDecisionDto) {
    if (principal.role !== RECORDED_BY[dto.kind]) throw DecisionErrors.notEntitled(dto.kind);
    const ids = dto.items.map((i) => i.nominationId);
    if (new Set(ids).size !== ids.length)
      throw DecisionErrors.invalid('items', 'A nomination appears once in a decision');
    const items = dto.items.map((i) => ({
      ...i,
      outcome: i.outcome ?? dto.outcome ?? (dto.kind === 'clusterAcceptance' ? 'accepted' : undefined),
    }));
    items.forEach((item, n) => {
      if (!item.outcome || !OUTCOMES[dto.kind].includes(item.outcome))
        throw DecisionErrors.invalid(
          `items.${n}.outcome`,
          `The outcome is one of ${OUTCOMES[dto.kind].join(', ')}`,
        );
      if (dto.kind === 'council' && item.outcome === 'rejected' && !item.reason?.trim())
        throw DecisionErrors.invalid(`items.${n}.reason`, 'A rejection by the Council gives its reason');
    });
    if (dto.kind === 'primeMinister' && !dto.signer)
      throw DecisionErrors.invalid('signer', "The Prime Minister's decision names its signer");
    if (dto.kind === 'primeMinister' && !dto.date)
      throw DecisionErrors.invalid('date', "The Prime Minister's decision bears its date");
    if (dto.kind === 'council' && !dto.meetingId)
      throw DecisionErrors.invalid('meetingId', "The Council's outcome is that of one of its sessions");
    if (dto.kind !== 'primeMinister' && dto.number)
      throw DecisionErrors.invalid('number', 'Only the Prime Minister’s decision is numbered here');
    if (dto.date !== undefined) {
      if (!isCalendarDate(dto.date)) throw DecisionErrors.invalid('date', 'date is not a date');
      if (dto.date > localDate(new Date())) throw NominationErrors.decisionDateInFuture(dto.date, 'date');
    }
    const standing = await this.nominations.standing(principal);
    if (!standing.orgActive)
      throw new DomainError(
        'forbidden',
        'DECISION.ORGANIZATION_ENDED',
        'Your organisation has ended; its successor acts',
      );

    return this.engine.transaction(async (tx) => {
      let date = dto.date ?? localDate(new Date());
      let meetingId: string | null = null;
      if (dto.kind === 'council') {
        const meeting = await this.meetings.find(tx, dto.meetingId!);
        if (!meeting || meeting.kind !== 'councilSession')
          throw DecisionErrors.invalid('meetingId', 'A Council session recorded with POST /meetings');
        date = meeting.heldOn;
        meetingId = meeting.id;
      }
      const id = randomUUID();
      let number: string | null = null;
      if (dto.kind === 'primeMinister') {
        const issuer = await this.organizations.get(principal.organizationId, tx);
        const entry = {
          issuerId: issuer.id,
          kind: 'decision' as const,
          date,
          subjectType: 'decision',
          subjectId: id,
          recordedBy: principal.userId,
        };
        number = dto.number
          ? await this.register.record(tx, entry, dto.number)
          : await this.register.allocate(tx, { ...entry, symbol: symbolOf('decision', issuer.kind) });
      }
      await tx.getRepository(DecisionEntity).insert({
        id,
        kind: dto.kind,
        issuerId: principal.organizationId,
        number,
        decidedOn: date,
        meetingId,
        signerName: dto.signer?.name.trim() ?? null,
        signerFunction: dto.signer?.function.trim() ?? null,
        createdBy: principal.userId,
        createdAt: new Date(),
      });
      await tx.getRepository(DecisionItemEntity).insert(
        items.map((i) => ({
          decisionId: id,
          nominationId: i.nominationId,
          outcome: i.outcome!,
          reason: i.reason?.trim() ?? null,
        })),
      );
      const moved: { id: string; dossierNumber: string; state: string; version: number }[] = [];
      const refusals: { nominationId: string; code: string; message: string; details?: unknown }[] = [];
      for (const item of items) {
        const event = this.event(dto.kind, item.outcome!, {
          id,
          number,
          date,
          meetingId,
          reason: item.reason,
        });
        try {
          const view = await this.nominations.applyIn(
            tx,
            principal,
            standing,
            item.nominationId,
            event.type,
            () => event.data,
          );
          moved.push({
            id: view.id,
            dossierNumber: view.dossierNumber,
            state: view.state,
            version: view.version,
          });
        } catch (error) {
          // A refusal writes nothing: the others are still tried, so the answer names every refusal at once.
          if (!(error instanceof DomainError)) throw error;
          refusals.push({
            nominationId: item.nominationId,
            code: error.code,
            message: error.message,
            details: error.details,
          });
        }
      }
      if (refusals.length > 0) throw DecisionErrors.refused(refusals);
      await this.audit.record(tx, {
        actor: principal,
        action: 'decision.record',
        targetType: 'decision',
        targetId: id,
        after: { kind: dto.kind, number, date, nominations: ids.length },
      });
      return {
        id,
        kind: dto.kind,
        number,
        date,
        meetingId,
        signer: dto.signer ?? null,
        nominations: moved,
      };
    });
  }

  private event(
    kind: DecisionKind,
    outcome: string,
    d: { id: string; number: string | null; date: string; meetingId: string | null; reason?: string },
  ): { type: string; data: Record<string, unknown> } {
    switch (kind) {
      case 'primeMinister':
        return {
          type: 'PM_DECIDED',
          data: { outcome, decisionNumber: d.number, decisionDate: d.date, decisionId: d.id },
        };
      case 'council':
        return {
          type: outcome === 'approved' ? 'COUNCIL_APPROVED' : 'COUNCIL_REJECTED',
          data: {
            ...(outcome === 'rejected' ? { reason: d.reason!.trim() } : {}),
            meetingId: d.meetingId,
            decidedOn: d.date,
            decisionId: d.id,
          },
        };
      case 'clusterAcceptance':
        return { type: 'ACCEPT', data: { decidedOn: d.date, decisionId: d.id } };
    }
  }

  /** The decisions the caller's organisation recorded, newest first, with how many nominations each moved. */
  async recent(principal: Principal, limit = 20) {
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.kind, d.number, to_char(d.decided_on, 'YYYY-MM-DD') AS decided_on, d.signer_name, d.created_at,
              (SELECT count(*)::int FROM decision_items i WHERE i.decision_id = d.id) AS nominations
         FROM decisions d WHERE d.issuer_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2`,
      [principal.organizationId, limit],
    )) as {
      id: string;
      kind: DecisionKind;
      number: string | null;
      decided_on: string;
      signer_name: string | null;
      created_at: Date;
      nominations: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      number: r.number,
      date: r.decided_on,
      signer: r.signer_name,
      createdAt: new Date(r.created_at).toISOString(),
      nominations: r.nominations,
    }));
  }

  async get(principal: Principal, id: string) {
    const decision = await this.dataSource.getRepository(DecisionEntity).findOneBy({ id });
    if (!decision || !(isCentral(principal.role) || decision.issuerId === principal.organizationId))
      throw DecisionErrors.notFound(id);
    const items = (await this.dataSource.query(
      `SELECT i.nomination_id, i.outcome, i.reason, n.dossier_number, n.nominee_name FROM decision_items i
         JOIN nominations n ON n.id = i.nomination_id WHERE i.decision_id = $1 ORDER BY n.dossier_number`,
      [id],
    )) as {
      nomination_id: string;
      outcome: string;
      reason: string | null;
      dossier_number: string;
      nominee_name: string;
    }[];
    return {
      id: decision.id,
      kind: decision.kind,
      number: decision.number,
      date: decision.decidedOn,
      meetingId: decision.meetingId,
      signer: decision.signerName ? { name: decision.signerName, function: decision.signerFunction } : null,
      createdAt: new Date(decision.createdAt).toISOString(),
      items: items.map((i) => ({
        nominationId: i.nomination_id,
        dossierNumber: i.dossier_number,
        nominee: i.nominee_name,
        outcome: i.outcome,
        reason: i.reason,
      })),
    };
  }
}
