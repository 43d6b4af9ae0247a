import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { finalResults, type VotingSessionContext } from '../../workflows/voting-session.machine';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/errors';
import { DocumentRegister, symbolOf } from '../documents/document-register.service';
import {
  type GeneratedView,
  GeneratedDocumentsService,
  toGeneratedView,
} from '../documents/generated-documents.service';
import type { GeneratedDocumentEntity } from '../documents/generated-document.entity';
import { vietnamDate } from '../documents/official-document';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';
import { pmListDocument, proposalDocument } from './official-documents';

export type IssuedView = GeneratedView & {
  number: string;
  formats: { pdf: GeneratedView; docx: GeneratedView };
};

/** The answer names the requested format at its top (as before) and both formats with the number. */
const issued = (
  number: string,
  docs: { pdf: GeneratedDocumentEntity; docx: GeneratedDocumentEntity },
  format: 'pdf' | 'docx',
): IssuedView => ({
  ...toGeneratedView(docs[format]),
  number,
  formats: { pdf: toGeneratedView(docs.pdf), docx: toGeneratedView(docs.docx) },
});

/**
 * The official documents built from the data: the cluster's proposal (tờ trình) to the Central Board, and the
 * Board's list for the Prime Minister (danh sách đề nghị). Each is numbered from its issuer's register, rendered
 * in PDF and DOCX from one description, stored with its sha256 and linked from the dossiers and histories of the
 * nominations it lists.
 */
@Injectable()
export class OfficialDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly generated: GeneratedDocumentsService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly register: DocumentRegister,
  ) {}

  async clusterProposal(principal: Principal, clusterId: string, year: number, format: 'pdf' | 'docx') {
    const cluster = await this.organizations.getCluster(clusterId);
    const standing = await this.standings.of(principal);
    const leads =
      standing.role === 'CLUSTER_LEADER' &&
      standing.ledClusterYears.some((l) => l.clusterId === clusterId && l.year === year);
    // The cluster's leadership issues its proposal; the Board (and the administrator) may produce it to check a
    // dossier, no other central body.
    if (!leads && standing.role !== 'CENTRAL_APPRAISER' && standing.role !== 'ADMIN') {
      throw new DomainError(
        'forbidden',
        'CLUSTER.NOT_LEADER',
        "The cluster leadership issues the cluster's proposal",
      );
    }
    return this.dataSource.transaction(async (tx) => {
      const sessions = (await tx.query(
        `SELECT s.id, w.snapshot, m.held_on::text AS held_on, m.place, m.chair,
                (SELECT r.seq || '/' || r.symbol FROM document_register r
                  WHERE r.subject_type = 'votingSession' AND r.subject_id = s.id::text LIMIT 1) AS minutes_number
           FROM voting_sessions s JOIN workflow_instances w ON w.id = s.id
           LEFT JOIN meetings m ON m.id = s.meeting_id
          WHERE s.cluster_id = $1 AND s.year = $2 AND w.state = 'certified' ORDER BY s.created_at`,
        [clusterId, year],
      )) as {
        id: string;
        snapshot: { context: VotingSessionContext };
        held_on: string | null;
        place: string | null;
        chair: { name: string } | null;
        minutes_number: string | null;
      }[];
      const selected = sessions.flatMap((s) => finalResults(s.snapshot.context).filter((r) => r.selected));
      if (selected.length === 0) {
        throw new DomainError(
          'unprocessable',
          'REPORT.NOTHING_TO_PROPOSE',
          `No certified vote selected anybody in ${year}`,
        );
      }
      const nominations = (await tx.query(
        `SELECT n.id, n.award_type, n.nominee_name, n.dossier_number, o.name_vi AS nominating FROM nominations n
           JOIN organizations o ON o.id = n.nominating_org_id WHERE n.id = ANY($1::uuid[])`,
        [selected.map((r) => r.nominationId)],
      )) as {
        id: string;
        award_type: string;
        nominee_name: string;
        dossier_number: string;
        nominating: string;
      }[];
      const awards = (await tx.query(`SELECT code, name_vi FROM award_types ORDER BY sort_order`)) as {
        code: string;
        name_vi: string;
      }[];
      const members = await this.organizations.membership(clusterId, year, tx);
      const leaderId = members.find((m) => m.role === 'leader')?.organizationId;
      const leader = leaderId ? await this.organizations.get(leaderId, tx) : null;
      const last = sessions.at(-1)!;
      const date = vietnamDate(new Date());
      const number = await this.register.allocate(tx, {
        issuerId: clusterId,
        kind: 'proposal',
        symbol: symbolOf('proposal', cluster.kind),
        date,
        subjectType: 'clusterYear',
        subjectId: `${clusterId}:${year}`,
        recordedBy: principal.userId,
      });
      const document = proposalDocument({
        clusterName: cluster.nameVi,
        parent: leader?.kind === 'province' ? `UBND tỉnh ${leader.nameVi}` : undefined,
        year,
        number,
        place: last.place ?? leader?.nameVi ?? 'Hà Nội',
        date,
        eligible: members.length,
        conference: last.held_on
          ? {
              heldOn: String(last.held_on).slice(0, 10),
              minutesNumber: last.minutes_number
                ? `${last.minutes_number.split('/')[0].padStart(2, '0')}/${last.minutes_number.split('/')[1]}`
                : null,
            }
          : null,
        chairName: last.chair?.name ?? null,
        items: awards
          .filter((a) => selected.some((r) => r.awardType === a.code))
          .map((a) => ({
            awardName: a.name_vi,
            units: selected
              .filter((r) => r.awardType === a.code)
              .sort((x, y) => x.rank - y.rank)
              .map((r) => {
                const n = nominations.find((x) => x.id === r.nominationId)!;
                return {
                  name: n.nominee_name,
                  nominatingUnit: n.nominating,
                  dossierNumber: n.dossier_number,
                  approvals: r.approvals,
                  share: r.share,
                  rank: r.rank,
                  round: r.round,
                };
              }),
          })),
      });
      const docs = await this.generated.issue(tx, document, {
        kind: 'clusterProposal',
        subjectType: 'clusterYear',
        subjectId: `${clusterId}:${year}`,
        baseName: `to-trinh-de-nghi-khen-thuong-${year}`,
        organizationIds: [clusterId, ...members.map((m) => m.organizationId)],
        createdBy: principal.userId,
      });
      await this.generated.attach(
        tx,
        docs.pdf,
        selected.map((r) => r.nominationId),
        'clusterProposal',
      );
      return issued(number, docs, format);
    });
  }

  async pmList(principal: Principal, year: number, awardType: string, format: 'pdf' | 'docx') {
    if (!['CENTRAL_APPRAISER', 'ADMIN'].includes(principal.role)) {
      throw new DomainError(
        'forbidden',
        'REPORT.BOARD_ONLY',
        'The Central Board prepares the list for the Prime Minister',
      );
    }
    return this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `SELECT n.id, n.dossier_number, n.nominee_name, o.name_vi AS nominating, c.name_vi AS cluster, t.name_vi AS award,
                (w.snapshot->'context'->'vote'->>'approvals')::int AS approvals,
                (w.snapshot->'context'->'vote'->>'share')::float AS share
           FROM nominations n
           JOIN organizations o ON o.id = n.nominating_org_id
           LEFT JOIN organizations c ON c.id = n.cluster_id
           JOIN award_types t ON t.code = n.award_type
           JOIN workflow_instances w ON w.id = n.id
          WHERE n.year = $1 AND n.award_type = $2
            AND (n.state IN ('pmProposal', 'awarded') OR (n.state = 'rejected' AND n.rejected_stage = 'primeMinister'))
          ORDER BY c.name_vi NULLS LAST, o.name_vi, n.nominee_name`,
        [year, awardType],
      )) as {
        id: string;
        dossier_number: string;
        nominee_name: string;
        nominating: string;
        cluster: string | null;
        award: string;
        approvals: number | null;
        share: number | null;
      }[];
      if (rows.length === 0) {
        throw new DomainError(
          'unprocessable',
          'REPORT.NOTHING_TO_PROPOSE',
          `The council has approved no ${awardType} for ${year}`,
        );
      }
      const board = (await tx.query(`SELECT id, kind FROM organizations WHERE code = 'BOARD'`)) as {
        id: string;
        kind: 'board';
      }[];
      const date = vietnamDate(new Date());
      const number = await this.register.allocate(tx, {
        issuerId: board[0].id,
        kind: 'list',
        symbol: symbolOf('list', 'board'),
        date,
        subjectType: 'awardYear',
        subjectId: `${awardType}:${year}`,
        recordedBy: principal.userId,
      });
      const document = pmListDocument({
        year,
        awardName: rows[0].award,
        number,
        date,
        entries: rows.map((r) => ({
          dossierNumber: r.dossier_number,
          nominee: r.nominee_name,
          nominatingUnit: r.nominating,
          cluster: r.cluster ?? '–',
          approvals: r.approvals,
          share: r.share,
        })),
      });
      const docs = await this.generated.issue(tx, document, {
        kind: 'boardSubmission',
        subjectType: 'awardYear',
        subjectId: `${awardType}:${year}`,
        baseName: `danh-sach-de-nghi-${awardType.toLowerCase()}-${year}`,
        organizationIds: [],
        createdBy: principal.userId,
      });
      await this.generated.attach(
        tx,
        docs.pdf,
        rows.map((r) => r.id),
        'boardSubmission',
      );
      return issued(number, docs, format);
    });
  }
}
