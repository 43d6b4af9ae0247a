import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { finalResults, type VotingSessionContext } from '../../workflows/voting-session.machine';
import type { Principal } from '../auth/principal';
import { GeneratedDocumentsService, toGeneratedView } from '../documents/generated-documents.service';
import type { InstanceView } from '../engine/workflow-engine.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { renderMinutes, renderMinutesDocx, type MinutesData } from './minutes';
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
  ) {}

  /** Renders the minutes, stores them, and attaches them to every candidate's dossier; returns their hash. */
  async write(tx: EntityManager, session: VotingSessionEntity, instance: InstanceView) {
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
