import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { finalResults, type VotingSessionContext } from '../../workflows/voting-session.machine';
import type { Principal } from '../auth/principal';
import { isCentral } from '../auth/roles';
import { DomainError } from '../common/errors';
import { contentToDocx, contentToPdf, pmListContent, proposalContent } from '../documents/official-documents';
import { GeneratedDocumentsService, toGeneratedView } from '../documents/generated-documents.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';

const render = (format: 'pdf' | 'docx', content: Parameters<typeof contentToPdf>[0]) =>
  format === 'pdf' ? contentToPdf(content) : contentToDocx(content);

/**
 * The official documents built from the data: the cluster's proposal (tờ trình) to the Central Board, and the
 * Board's list for the Prime Minister (danh sách đề nghị). Each is stored with its sha256 and linked from the
 * dossiers and histories of the nominations it lists.
 */
@Injectable()
export class OfficialDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly generated: GeneratedDocumentsService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
  ) {}

  async clusterProposal(principal: Principal, clusterId: string, year: number, format: 'pdf' | 'docx') {
    const cluster = await this.organizations.getCluster(clusterId);
    const standing = await this.standings.of(principal);
    const leads =
      standing.role === 'CLUSTER_LEADER' &&
      standing.ledClusterYears.some((l) => l.clusterId === clusterId && l.year === year);
    if (!leads && !isCentral(standing.role)) {
      throw new DomainError(
        'forbidden',
        'CLUSTER.NOT_LEADER',
        "The cluster leadership issues the cluster's proposal",
      );
    }
    return this.dataSource.transaction(async (tx) => {
      const sessions = (await tx.query(
        `SELECT s.id, w.snapshot FROM voting_sessions s JOIN workflow_instances w ON w.id = s.id
          WHERE s.cluster_id = $1 AND s.year = $2 AND w.state = 'certified' ORDER BY s.created_at`,
        [clusterId, year],
      )) as { id: string; snapshot: { context: VotingSessionContext } }[];
      const selected = sessions.flatMap((s) => finalResults(s.snapshot.context).filter((r) => r.selected));
      if (selected.length === 0) {
        throw new DomainError(
          'unprocessable',
          'REPORT.NOTHING_TO_PROPOSE',
          `No certified vote selected anybody in ${year}`,
        );
      }
      const nominations = (await tx.query(
        `SELECT n.id, n.award_type, n.nominee_name, o.name_vi AS nominating FROM nominations n
           JOIN organizations o ON o.id = n.nominating_org_id WHERE n.id = ANY($1::uuid[])`,
        [selected.map((r) => r.nominationId)],
      )) as { id: string; award_type: string; nominee_name: string; nominating: string }[];
      const awards = (await tx.query(`SELECT code, name_vi FROM award_types ORDER BY sort_order`)) as {
        code: string;
        name_vi: string;
      }[];
      const members = await this.organizations.membership(clusterId, year, tx);
      const leaderId = members.find((m) => m.role === 'leader')?.organizationId;
      const leader = leaderId ? await this.organizations.get(leaderId, tx) : null;
      const content = proposalContent({
        clusterName: cluster.nameVi,
        leaderName: leader?.nameVi ?? cluster.nameVi,
        year,
        date: new Date(),
        eligible: members.length,
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
                  approvals: r.approvals,
                  share: r.share,
                  rank: r.rank,
                };
              }),
          })),
      });
      const doc = await this.generated.create(tx, {
        kind: 'clusterProposal',
        format,
        subjectType: 'clusterYear',
        subjectId: `${clusterId}:${year}`,
        fileName: `to-trinh-de-nghi-khen-thuong-${year}.${format}`,
        content: await render(format, content),
        organizationIds: [clusterId, ...members.map((m) => m.organizationId)],
        createdBy: principal.userId,
      });
      await this.generated.attach(
        tx,
        doc,
        selected.map((r) => r.nominationId),
        'clusterProposal',
      );
      return toGeneratedView(doc);
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
        `SELECT n.id, n.nominee_name, o.name_vi AS nominating, c.name_vi AS cluster, t.name_vi AS award,
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
      const content = pmListContent({
        year,
        awardName: rows[0].award,
        date: new Date(),
        entries: rows.map((r) => ({
          nominee: r.nominee_name,
          nominatingUnit: r.nominating,
          cluster: r.cluster ?? '–',
          approvals: r.approvals,
          share: r.share,
        })),
      });
      const doc = await this.generated.create(tx, {
        kind: 'boardSubmission',
        format,
        subjectType: 'awardYear',
        subjectId: `${awardType}:${year}`,
        fileName: `danh-sach-de-nghi-${awardType.toLowerCase()}-${year}.${format}`,
        content: await render(format, content),
        organizationIds: [],
        createdBy: principal.userId,
      });
      await this.generated.attach(
        tx,
        doc,
        rows.map((r) => r.id),
        'boardSubmission',
      );
      return toGeneratedView(doc);
    });
  }
}
