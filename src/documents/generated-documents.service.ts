import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { isCentral } from '../auth/roles';
import { DomainError } from '../common/errors';
import { SYSTEM_ACTOR } from '../engine/actor';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { FileStorage } from '../files/file-storage.service';
import { DocumentsService } from '../nominations/documents.service';
import { StandingService } from '../organizations/standing.service';
import { renderDocx } from './docx-renderer';
import { GeneratedDocumentEntity } from './generated-document.entity';
import type { OfficialDocument } from './official-document';
import { renderPdf } from './pdf-renderer';

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export interface GeneratedView {
  id: string;
  kind: string;
  format: 'pdf' | 'docx';
  fileName: string;
  sha256: string;
  size: number;
  createdAt: string;
  download: string;
}

export const toGeneratedView = (d: GeneratedDocumentEntity): GeneratedView => ({
  id: d.id,
  kind: d.kind,
  format: d.format,
  fileName: d.fileName,
  sha256: d.sha256,
  size: d.size,
  createdAt: new Date(d.createdAt).toISOString(),
  download: `/documents/generated/${d.id}`,
});

/**
 * Stores the documents the system generates, once each with its sha256, and links them from the dossiers
 * (a generated dossier document) and the histories (a DOCUMENT_ATTACHED event with the hash) of the nominations
 * they concern.
 */
@Injectable()
export class GeneratedDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly documents: DocumentsService,
    private readonly engine: WorkflowEngine,
    private readonly standings: StandingService,
  ) {}

  async create(
    tx: EntityManager,
    input: {
      kind: GeneratedDocumentEntity['kind'];
      format: 'pdf' | 'docx';
      subjectType: string;
      subjectId: string;
      fileName: string;
      content: Buffer;
      organizationIds: string[];
      createdBy: string | null;
    },
  ): Promise<GeneratedDocumentEntity> {
    const stored = await this.storage.put(input.content);
    const entity: GeneratedDocumentEntity = {
      id: randomUUID(),
      kind: input.kind,
      format: input.format,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      fileName: input.fileName,
      sha256: stored.sha256,
      size: stored.size,
      storageKey: stored.key,
      organizationIds: [...new Set(input.organizationIds)],
      createdBy: input.createdBy,
      createdAt: new Date(),
    };
    await tx.getRepository(GeneratedDocumentEntity).insert(entity);
    return entity;
  }

  /**
   * Renders one document in both formats from its single description (so the two say the same, under the same
   * number) and stores both.
   */
  async issue(
    tx: EntityManager,
    document: OfficialDocument,
    input: Omit<Parameters<GeneratedDocumentsService['create']>[1], 'format' | 'content' | 'fileName'> & {
      baseName: string;
    },
  ): Promise<{ pdf: GeneratedDocumentEntity; docx: GeneratedDocumentEntity }> {
    const { baseName, ...rest } = input;
    const pdf = await this.create(tx, {
      ...rest,
      format: 'pdf',
      fileName: `${baseName}.pdf`,
      content: await renderPdf(document),
    });
    const docx = await this.create(tx, {
      ...rest,
      format: 'docx',
      fileName: `${baseName}.docx`,
      content: await renderDocx(document),
    });
    return { pdf, docx };
  }

  /** Adds the document to each nomination's dossier and, where the nomination is still open, to its history. */
  async attach(
    tx: EntityManager,
    doc: GeneratedDocumentEntity,
    nominationIds: string[],
    dossierKind: string,
  ): Promise<void> {
    for (const nominationId of nominationIds) {
      const record = await this.documents.record(tx, {
        nominationId,
        kind: dossierKind,
        fileName: doc.fileName,
        contentType: CONTENT_TYPES[doc.format],
        stored: { key: doc.storageKey, sha256: doc.sha256, size: doc.size },
        uploadedBy: null,
        uploadedByOrg: null,
        generated: true,
      });
      try {
        await this.engine.sendIn(
          tx,
          nominationId,
          { type: 'DOCUMENT_ATTACHED', documentId: record.id, kind: dossierKind, sha256: doc.sha256 },
          { actor: SYSTEM_ACTOR },
        );
      } catch (error) {
        // A nomination already decided keeps its history closed; the dossier still holds the document.
        if (!(error instanceof DomainError)) throw error;
      }
    }
  }

  async open(
    principal: Principal,
    id: string,
  ): Promise<{ document: GeneratedView; stream: ReadStream; contentType: string }> {
    const doc = await this.dataSource.getRepository(GeneratedDocumentEntity).findOneBy({ id });
    const standing = await this.standings.of(principal);
    if (!doc || !(isCentral(standing.role) || standing.orgIds.some((o) => doc.organizationIds.includes(o)))) {
      throw new DomainError('not_found', 'DOCUMENT.NOT_FOUND', `No document ${id}`);
    }
    return {
      document: toGeneratedView(doc),
      stream: this.storage.open(doc.storageKey),
      contentType: CONTENT_TYPES[doc.format],
    };
  }

  async latest(
    subjectType: string,
    subjectId: string,
    kind: string,
    tx?: EntityManager,
  ): Promise<GeneratedDocumentEntity[]> {
    return (tx ?? this.dataSource.manager).getRepository(GeneratedDocumentEntity).find({
      where: { subjectType, subjectId, kind: kind as GeneratedDocumentEntity['kind'] },
      order: { createdAt: 'DESC' },
    });
  }
}
