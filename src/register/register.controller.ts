import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptsSessionCookie, CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../common/params';
import { EligibilityService } from './eligibility.service';
import { PersonsService } from './persons.service';
import {
  EligibleQuery,
  ListEntriesQuery,
  ListPersonsQuery,
  MergePersonDto,
  RevokeEntryDto,
} from './register.dto';
import { RegisterErrors } from './register.errors';
import { MAX_IMPORT_BYTES, RegisterImportService } from './register-import.service';
import { RegisterService } from './register.service';

/** Reads an uploaded workbook from a multipart request (the `file` field). */
export async function uploadedWorkbook(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart())
    throw RegisterErrors.importUnreadable('send the workbook as multipart field "file"');
  const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES } }).catch(() => {
    throw RegisterErrors.importUnreadable('send the workbook as multipart field "file"');
  });
  if (!file || file.fieldname !== 'file')
    throw RegisterErrors.importUnreadable('send the workbook as multipart field "file"');
  const content = await file.toBuffer().catch(() => {
    throw RegisterErrors.importUnreadable(`larger than ${MAX_IMPORT_BYTES} bytes`);
  });
  if (file.file.truncated) throw RegisterErrors.importUnreadable(`larger than ${MAX_IMPORT_BYTES} bytes`);
  return content;
}

@ApiTags('register')
@ApiBearerAuth()
@Controller('register')
export class RegisterController {
  constructor(
    private readonly register: RegisterService,
    private readonly imports: RegisterImportService,
  ) {}

  @Get('entries')
  @ApiOperation({
    summary: "Titles, awards, ratings and initiatives held (scoped: a unit reads its own and its people's)",
  })
  list(@CurrentUser() user: Principal, @Query() query: ListEntriesQuery) {
    return this.register.list(user, query);
  }

  @Get('entries/:id')
  @ApiOperation({ summary: 'One register entry' })
  get(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string) {
    return this.register.entry(user, id);
  }

  @Post('entries/:id/revocation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a decision: the entry is kept, marked revoked, and no longer counts (audited)',
  })
  revoke(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string, @Body() body: RevokeEntryDto) {
    return this.register.revoke(user, id, body);
  }

  @Get('titles')
  @ApiOperation({ summary: 'The codes the register accepts: awards, yearly ratings, initiatives' })
  titles() {
    return this.register.titles();
  }

  @Get('import-template.xlsx')
  @AcceptsSessionCookie()
  @ApiOperation({ summary: 'The XLSX template to fill with the register of the years before thidua' })
  async template(@CurrentUser() user: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const content = await this.imports.template(user);
    void reply.header('cache-control', 'no-store');
    return new StreamableFile(content, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="so-khen-thuong-mau.xlsx"`,
    });
  }

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({
    summary:
      'Import the filled template: every row checked and reported with its own problems; all or nothing; idempotent',
  })
  async import(@CurrentUser() user: Principal, @Req() request: FastifyRequest) {
    return this.imports.import(user, await uploadedWorkbook(request));
  }
}

@ApiTags('register')
@ApiBearerAuth()
@Controller('persons')
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Get()
  @ApiOperation({ summary: 'Persons in your scope' })
  list(@CurrentUser() user: Principal, @Query() query: ListPersonsQuery) {
    return this.persons.list(user, query);
  }

  @Get('duplicates')
  @ApiOperation({ summary: 'Groups of persons that look like one (admin)' })
  duplicates(@CurrentUser() user: Principal) {
    return this.persons.duplicates(user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A person with their history of organisations, positions and merges' })
  get(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string) {
    return this.persons.get(user, id);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Merge a duplicate into another person (admin, audited); its register counts for that person',
  })
  merge(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string, @Body() body: MergePersonDto) {
    return this.persons.merge(user, id, body.intoId, body.reason);
  }
}

@ApiTags('register')
@ApiBearerAuth()
@Controller('organizations')
export class EligibleController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get(':id/eligible')
  @ApiOperation({
    summary: "Who among a unit's people and collectives meets each award's standard for a year",
  })
  eligible(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: EligibleQuery,
  ) {
    return this.eligibility.suggestions(user, id, query.year, query.award);
  }
}
