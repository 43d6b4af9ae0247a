import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { RateLimit } from '../common/rate-limit';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AcceptsSessionCookie, CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../common/params';
import { GeneratedDocumentsService } from './generated-documents.service';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents/generated')
export class GeneratedDocumentsController {
  constructor(private readonly documents: GeneratedDocumentsService) {}

  @RateLimit('exports')
  @Get(':id')
  @AcceptsSessionCookie()
  @ApiOperation({ summary: 'Download a generated document (minutes, proposal, list for the Prime Minister)' })
  async download(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { document, stream, contentType } = await this.documents.open(user, id);
    void reply.header('etag', `"${document.sha256}"`).header('x-content-type-options', 'nosniff');
    return new StreamableFile(stream, {
      type: contentType,
      length: document.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    });
  }
}
