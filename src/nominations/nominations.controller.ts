import { RateLimit } from '../common/rate-limit';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptsSessionCookie, CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../common/params';
import { DocumentsService, MAX_DOCUMENT_BYTES } from './documents.service';
import { etag, parseIdempotencyKey, parseIfMatch } from './http-headers';
import {
  CreateNominationDto,
  ListNominationsQuery,
  SendEventDto,
  UpdateNominationDto,
} from './nominations.dto';
import { NominationErrors } from './nominations.errors';
import { NominationsService } from './nominations.service';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(
    private readonly nominations: NominationsService,
    private readonly documents: DocumentsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a nomination (in draft) for your organisation' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @CurrentUser() user: Principal,
    @Body() body: CreateNominationDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.nominations.create(user, body, parseIdempotencyKey(key));
    void reply.status(result.status).header('etag', etag(result.body.version));
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: 'Nominations you may see, newest first, with cursor pagination' })
  list(@CurrentUser() user: Principal, @Query() query: ListNominationsQuery) {
    return this.nominations.list(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A nomination with its state, version (also the ETag) and the events you may send now',
  })
  async get(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.nominations.get(user, id);
    void reply.header('etag', etag(view.version));
    return view;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a nomination while it is a draft or returned' })
  @ApiHeader({ name: 'If-Match', required: false })
  async update(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateNominationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.nominations.update(user, id, body, parseIfMatch(ifMatch));
    void reply.header('etag', etag(view.version));
    return view;
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a workflow event (SUBMIT, RETURN, ACCEPT, FORWARD, …)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you saw: 412 if it changed' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Replays the first response for a retry',
  })
  async send(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: SendEventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.nominations.sendEvent(user, id, body, {
      expectedVersion: parseIfMatch(ifMatch),
      idempotencyKey: parseIdempotencyKey(key),
    });
    void reply.header('etag', etag(result.body.version));
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Every transition with actor, time and reason, and whether the hash chain verifies',
  })
  history(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string) {
    return this.nominations.history(user, id);
  }

  @Get(':id/documents')
  listDocuments(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string) {
    return this.documents.list(user, id);
  }

  @RateLimit('uploads')
  @Post(':id/documents')
  @ApiOperation({
    summary: `Add a dossier document (PDF, DOC, DOCX, XLS, XLSX, JPEG, PNG, as the award's policy allows; at most ${MAX_DOCUMENT_BYTES} bytes)`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: { kind: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  async upload(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Req() request: FastifyRequest,
  ) {
    if (!request.isMultipart()) throw NominationErrors.documentMissing();
    const file = await request.file().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
        throw NominationErrors.documentTooLarge(MAX_DOCUMENT_BYTES);
      }
      throw NominationErrors.documentMissing();
    });
    if (!file || file.fieldname !== 'file') throw NominationErrors.documentMissing();
    const kindField = file.fields.kind;
    const kind =
      kindField && !Array.isArray(kindField) && kindField.type === 'field' ? String(kindField.value) : '';
    let content: Buffer;
    try {
      content = await file.toBuffer();
    } catch {
      throw NominationErrors.documentTooLarge(MAX_DOCUMENT_BYTES);
    }
    // When the body has arrived whole before the file is read, the limit can be reached on the last chunk without
    // toBuffer() noticing: the stream says it was cut.
    if (file.file.truncated) throw NominationErrors.documentTooLarge(MAX_DOCUMENT_BYTES);
    return this.documents.upload(user, id, kind, { fileName: file.filename, content });
  }

  @Get(':id/documents/:documentId')
  @AcceptsSessionCookie()
  @ApiOperation({ summary: 'Download a dossier document' })
  async download(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('documentId', UuidParam) documentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { document, stream } = await this.documents.open(user, id, documentId);
    void reply.header('x-content-type-options', 'nosniff').header('etag', `"${document.sha256}"`);
    return new StreamableFile(stream, {
      type: document.contentType,
      length: document.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    });
  }
}
