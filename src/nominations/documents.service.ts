import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import { DOCUMENT_KIND_CODES, DOCUMENT_KINDS, type DocumentKind } from '../awards/document-kinds';
import {
  ALLOWED_TYPES,
  type AllowedType,
  claimedType,
  detectType,
  safeFileName,
} from '../files/content-type';
import { FileStorage } from '../files/file-storage.service';
import type { Standing } from '../organizations/standing.service';
import { hasRelation, type Relation } from './nomination-access';
import { NominationDocumentEntity } from './nomination-document.entity';
import type { NominationEntity } from './nomination.entity';
import { NominationErrors } from './nominations.errors';
import { NominationsService } from './nominations.service';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Who may add which kinds of document in which states (nothing is ever removed; a new upload supersedes). */
const UPLOAD_RULES: { roles: Role[]; relation: Relation; states: string[]; kinds: DocumentKind[] }[] = [
  {
    roles: ['NOMINATOR'],
    relation: 'nominator',
    states: ['draft', 'returned', 'supplementRequested'],
    kinds: ['proposal', 'achievementReport', 'summary', 'other'],
  },
  {
    roles: ['CLUSTER_LEADER'],
    relation: 'clusterLeader',
    states: ['selected'],
    kinds: ['voteMinutes', 'ballotResults', 'proposal'],
  },
  {
    roles: ['PROVINCE_APPROVER'],
    relation: 'provinceApprover',
    states: ['submitted', 'selected'],
    kinds: ['proposal', 'other'],
  },
  {
    roles: ['CENTRAL_APPRAISER'],
    relation: 'central',
    states: ['centralAppraisal', 'supplementRequested'],
    kinds: ['consultation', 'other'],
  },
  {
    roles: ['PM_OFFICE'],
    relation: 'central',
    states: ['pmProposal', 'awarded', 'rejected'],
    kinds: ['decision'],
  },
  {
    roles: ['PRESIDENT_OFFICE'],
    relation: 'central',
    states: ['presidentialDecision', 'awarded', 'rejected'],
    kinds: ['decision'],
  },
];

export interface DocumentView {
  id: string;
  kind: string;
  kindLabel: { vi: string; en: string };
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  generated: boolean;
  uploadedBy: string | null;
  uploadedAt: string;
  current: boolean;
  supersededAt: string | null;
  supersededBy: string | null;
}

const toView = (d: NominationDocumentEntity): DocumentView => ({
  id: d.id,
  kind: d.kind,
  kindLabel: DOCUMENT_KINDS[d.kind as DocumentKind] ?? { vi: d.kind, en: d.kind },
  fileName: d.fileName,
  contentType: d.contentType,
  size: d.size,
  sha256: d.sha256,
  generated: d.generated,
  uploadedBy: d.uploadedBy,
  uploadedAt: new Date(d.uploadedAt).toISOString(),
  current: d.supersededAt === null,
  supersededAt: d.supersededAt ? new Date(d.supersededAt).toISOString() : null,
  supersededBy: d.supersededBy,
});

@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationsService,
    private readonly storage: FileStorage,
  ) {}

  async list(principal: Principal, nominationId: string): Promise<DocumentView[]> {
    const { asVoter } = await this.nominations.visible(principal, nominationId);
    const rows = await this.dataSource
      .getRepository(NominationDocumentEntity)
      .find({ where: { nominationId }, order: { kind: 'ASC', uploadedAt: 'DESC' } });
    if (!asVoter) return rows.map(toView);
    const submitted = await this.nominations.submittedDossier(nominationId);
    return rows.filter((d) => submitted.includes(d.id)).map(toView);
  }

  async upload(
    principal: Principal,
    nominationId: string,
    kind: string,
    file: { fileName?: string; content: Buffer },
  ): Promise<DocumentView> {
    if (!(kind in DOCUMENT_KINDS)) {
      throw NominationErrors.invalidPayload([
        { field: 'kind', problems: [`kind must be one of ${Object.keys(DOCUMENT_KINDS).join(', ')}`] },
      ]);
    }
    if (file.content.length === 0) throw NominationErrors.documentMissing();
    if (file.content.length > MAX_DOCUMENT_BYTES) throw NominationErrors.documentTooLarge(MAX_DOCUMENT_BYTES);
    const type = detectType(file.content);
    if (!type) throw NominationErrors.documentTypeNotAllowed();
    const claimed = claimedType(file.fileName);
    if (claimed && claimed !== type) throw NominationErrors.documentNameMismatch(claimed, type);

    const known = await this.nominations.standing(principal);
    return this.dataSource.transaction(async (tx) => {
      const { n, standing } = await this.nominations.visible(principal, nominationId, tx, known);
      // Lock the instance: an upload and a submission of the same dossier are serialised.
      const [row] = (await tx.query(`SELECT state FROM workflow_instances WHERE id = $1 FOR UPDATE`, [
        nominationId,
      ])) as {
        state: string;
      }[];
      this.assertMayUpload(standing, n, row.state, kind as DocumentKind);
      // The award's policy may accept fewer kinds of file (left out: every kind).
      const [policy] = (await tx.query(
        `SELECT rules->'fileTypes' AS types FROM award_policies WHERE id = $1`,
        [n.policyId],
      )) as { types: AllowedType[] | null }[];
      if (Array.isArray(policy?.types) && !policy.types.includes(type))
        throw NominationErrors.documentTypeNotInPolicy(type, policy.types);
      const stored = await this.storage.put(file.content);
      return toView(
        await this.record(tx, {
          nominationId,
          kind,
          fileName: safeFileName(file.fileName, type),
          contentType: ALLOWED_TYPES[type],
          stored,
          uploadedBy: principal.userId,
          uploadedByOrg: principal.organizationId,
          generated: false,
        }),
      );
    });
  }

  /** Adds a document (uploaded or generated) and supersedes the current one of its kind, in the caller's transaction. */
  async record(
    tx: EntityManager,
    input: {
      nominationId: string;
      kind: string;
      fileName: string;
      contentType: string;
      stored: { key: string; sha256: string; size: number };
      uploadedBy: string | null;
      uploadedByOrg: string | null;
      generated: boolean;
    },
  ): Promise<NominationDocumentEntity> {
    const repo = tx.getRepository(NominationDocumentEntity);
    const entity = repo.create({
      id: randomUUID(),
      nominationId: input.nominationId,
      kind: input.kind,
      fileName: input.fileName,
      contentType: input.contentType,
      size: input.stored.size,
      sha256: input.stored.sha256,
      storageKey: input.stored.key,
      generated: input.generated,
      uploadedBy: input.uploadedBy,
      uploadedByOrg: input.uploadedByOrg,
      uploadedAt: new Date(),
      supersededAt: null,
      supersededBy: null,
    });
    await tx.query(
      `UPDATE nomination_documents SET superseded_at = now(), superseded_by = $3
        WHERE nomination_id = $1 AND kind = $2 AND superseded_at IS NULL`,
      [input.nominationId, input.kind, entity.id],
    );
    await repo.insert(entity);
    return entity;
  }

  async open(
    principal: Principal,
    nominationId: string,
    documentId: string,
  ): Promise<{ document: DocumentView; stream: ReadStream }> {
    const { asVoter } = await this.nominations.visible(principal, nominationId);
    const document = await this.dataSource
      .getRepository(NominationDocumentEntity)
      .findOneBy({ id: documentId, nominationId });
    if (!document) throw NominationErrors.documentNotFound(documentId);
    if (asVoter && !(await this.nominations.submittedDossier(nominationId)).includes(document.id)) {
      throw NominationErrors.documentNotFound(documentId);
    }
    return { document: toView(document), stream: this.storage.open(document.storageKey) };
  }

  /** The kinds of document the caller may add now (the web interface offers an upload form only for them). */
  async uploadableKinds(principal: Principal, nominationId: string): Promise<DocumentKind[]> {
    const { n, standing, asVoter } = await this.nominations.visible(principal, nominationId);
    if (!standing.orgActive || asVoter) return [];
    const [row] = (await this.dataSource.query(`SELECT state FROM workflow_instances WHERE id = $1`, [
      nominationId,
    ])) as { state: string }[];
    const kinds = this.rulesFor(standing, n)
      .filter((r) => r.states.includes(row.state))
      .flatMap((r) => r.kinds);
    return DOCUMENT_KIND_CODES.filter((k) => kinds.includes(k));
  }

  private rulesFor(standing: Standing, n: NominationEntity) {
    const facts = {
      route: n.route,
      nominatingOrgId: n.nominatingOrgId,
      clusterId: n.clusterId,
      year: n.year,
    };
    return UPLOAD_RULES.filter(
      (r) => r.roles.includes(standing.role) && hasRelation(r.relation, standing, facts),
    );
  }

  private assertMayUpload(standing: Standing, n: NominationEntity, state: string, kind: DocumentKind): void {
    const mine = this.rulesFor(standing, n).filter((r) => r.kinds.includes(kind));
    if (mine.length === 0 || !standing.orgActive) {
      throw NominationErrors.uploadNotAllowed(kind);
    }
    if (!mine.some((r) => r.states.includes(state))) throw NominationErrors.documentsFrozen(state);
  }
}
