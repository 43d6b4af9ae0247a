import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { finalResults, type VotingSessionContext } from '../../workflows/voting-session.machine';
import type { Principal } from '../auth/principal';
import { GeneratedDocumentsService, toGeneratedView } from '../documents/generated-documents.service';
import type { InstanceView } from '../engine/workflow-engine.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { DocumentRegister, symbolOf } from '../documents/document-register.service';
import { vietnamDate } from '../documents/official-document';
import { MeetingsService } from '../meetings/meetings.service';
import { minutesDocument, type MinutesData } from './minutes';
import { VotingAccess } from './voting-access.service';
import type { VotingSessionEntity } from './voting.entities';
import { VotingErrors } from './voting.errors';

/** The minutes of a vote: written and frozen at certification, attached to every candidate's dossier. */
@Injectable()
export class VotingMinutes {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly generated: GeneratedDocumentsService,
    private readonly access: VotingAccess,
    private readonly meetings: MeetingsService,
    private readonly register: DocumentRegister,
  ) {}

  /**
   * Renders the minutes, numbered from the cluster's register and dated and placed by the conference, stores them,
   * and attaches them to every candidate's dossier; returns their hashes.
   */
  async write(tx: EntityManager, session: VotingSessionEntity, instance: InstanceView) {
    const context = instance.context as unknown as VotingSessionContext;
    const results = finalResults(context);
    const nominations = (await tx.query(
      `SELECT n.id, n.nominee_name, o.name_vi AS nominating FROM nominations n JOIN organizations o ON o.id = n.nominating_org_id
        WHERE n.id = ANY($1::uuid[])`,
      [results.map((r) => r.nominationId)],
    )) as { id: string; nominee_name: string; nominating: string }[];
    const cluster = await this.organizations.get(session.clusterId, tx);
    const members = await this.organizations.membership(session.clusterId, session.year, tx);
    const leaderId = members.find((m) => m.role === 'leader')?.organizationId;
    const leader = leaderId ? await this.organizations.get(leaderId, tx) : null;
    const awardNames = (await tx.query(`SELECT code, name_vi FROM award_types`)) as {
      code: string;
      name_vi: string;
    }[];
    const meeting = session.meetingId ? await this.meetings.find(tx, session.meetingId) : null;
    const orgs = await this.organizations.views(session.eligibleOrgIds, tx);
    const heldOn = meeting?.heldOn ?? vietnamDate(new Date());
    const receipts = (await tx.query(
      `SELECT round, code FROM voting_receipts WHERE session_id = $1 ORDER BY round, code`,
      [session.id],
    )) as { round: number; code: string }[];
    const named = (id: string) => {
      const n = nominations.find((x) => x.id === id)!;
      return { name: n.nominee_name, nominatingUnit: n.nominating };
    };
    const number = await this.register.allocate(tx, {
      issuerId: session.clusterId,
      kind: 'minutes',
      symbol: symbolOf('minutes', cluster.kind),
      date: heldOn,
      subjectType: 'votingSession',
      subjectId: session.id,
      recordedBy: null,
    });
    const data: MinutesData = {
      clusterName: cluster.nameVi,
      parent: leader?.kind === 'province' ? `UBND tỉnh ${leader.nameVi}` : undefined,
      year: session.year,
      number,
      meeting: {
        heldOn,
        startsAt: meeting?.startsAt ?? null,
        place: meeting?.place ?? leader?.nameVi ?? cluster.nameVi,
        venue: meeting?.venue ?? null,
        chair: meeting?.chair ?? null,
        secretary: meeting?.secretary ?? null,
        present: meeting
          ? meeting.present.map((a) => a.name)
          : session.eligibleOrgIds
              .map((o) => orgs.get(o)?.nameVi ?? o)
              .sort((a, b) => a.localeCompare(b, 'vi')),
        absent: meeting ? meeting.absent.map((a) => a.name) : [],
      },
      eligible: session.eligibleOrgIds.length,
      electorateChanges: (await this.organizations.electorateChanges(session.eligibleOrgIds, tx)).map(
        (c) => ({
          organization: c.organization.nameVi,
          endedOn: c.endedOn,
          successor: c.successor.nameVi,
        }),
      ),
      items: session.items.map((item) => ({
        awardName: awardNames.find((a) => a.code === item.awardType)?.name_vi ?? item.awardType,
        places: item.quota,
        yearQuota: item.yearQuota ?? null,
        takenEarlier: item.takenEarlier ?? 0,
        rounds: context.results
          .filter((r) => r.candidates.some((c) => c.awardType === item.awardType))
          .map((r) => ({
            round: r.round,
            ballots: r.ballots?.find((b) => b.awardType === item.awardType) ?? null,
            candidates: r.candidates
              .filter((c) => c.awardType === item.awardType)
              .sort((a, b) => a.rank - b.rank)
              .map((c) => ({ ...c, ...named(c.nominationId) })),
          })),
        final: results
          .filter((r) => r.awardType === item.awardType)
          .sort((a, b) => a.rank - b.rank)
          .map((r) => ({ ...r, ...named(r.nominationId) })),
      })),
      receipts: [...new Set(receipts.map((r) => r.round))].map((round) => ({
        round,
        codes: receipts.filter((r) => r.round === round).map((r) => r.code),
      })),
    };
    const document = minutesDocument(data);
    const subject = {
      subjectType: 'votingSession',
      subjectId: session.id,
      organizationIds: [...session.eligibleOrgIds, session.clusterId],
    };
    const { pdf, docx } = await this.generated.issue(tx, document, {
      ...subject,
      kind: 'voteMinutes',
      baseName: `bien-ban-binh-xet-${session.year}`,
      createdBy: null,
    });
    // The PDF is the frozen minutes in every candidate's dossier; FORWARD requires it.
    await this.generated.attach(
      tx,
      pdf,
      results.map((r) => r.nominationId),
      'voteMinutes',
    );
    return { number, pdf: { id: pdf.id, sha256: pdf.sha256 }, docx: { id: docx.id, sha256: docx.sha256 } };
  }

  async documents(id: string, tx?: EntityManager) {
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
  async open(principal: Principal, id: string, format: 'pdf' | 'docx') {
    await this.access.visible(principal, id);
    const doc = (await this.generated.latest('votingSession', id, 'voteMinutes')).find(
      (d) => d.format === format,
    );
    if (!doc) throw VotingErrors.invalid('NO_MINUTES', 'The minutes exist once the result is certified');
    return this.generated.open(principal, doc.id);
  }
}
