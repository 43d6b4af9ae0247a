import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { WORKFLOWS, type WorkflowDefinition } from '../../../workflows';
import { EVENT_PAYLOADS } from '../../nominations/nominations.dto';
import { ERROR_MESSAGES } from '../error-messages';
import { EXAMPLES } from './examples';
import { OPERATIONS, type OperationContract, type Success } from './operations';
import { RESPONSE_SCHEMAS } from './schemas';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is JSON that Nest builds untyped
type Schema = Record<string, any>;
type Operation = Schema & { parameters?: Schema[]; responses: Record<string, Schema> };

const ERROR_STATUSES: Record<number, string> = {
  400: 'The request is malformed or a field is invalid (`REQUEST.INVALID`, `REQUEST.VALIDATION_FAILED`, …)',
  401: 'No valid token (`AUTH.UNAUTHENTICATED`, …)',
  403: 'The caller may not do this (`AUTH.FORBIDDEN`, a scope or role refusal)',
  404: 'Nothing by this id that the caller may see',
  409: 'The state of the resource forbids it now, or it conflicts with an existing record',
  414: 'The URL is too long',
  412: 'If-Match names a version that is no longer the current one',
  413: 'The body is too large',
  415: 'The content type is not JSON (or multipart where a file is sent)',
  422: 'Understood but refused by a rule of the workflow (a guard, a missing document, a quota)',
  428: 'The operation needs an If-Match header here',
  429: 'Too many requests; `Retry-After` says when to try again',
  500: 'An unexpected failure (`INTERNAL`): a fault to report with the `requestId`',
  503: 'A backing service is unavailable; `Retry-After` says when to try again',
};

/** Machine events people may send (not those of timers or other workflows), by workflow id. */
function personEvents(id: string): string[] {
  const types = new Set<string>();
  for (const w of WORKFLOWS.filter((w) => w.id === id))
    for (const [type, info] of Object.entries(w.events)) if (!info.system) types.add(type);
  return [...types].sort();
}

interface StateNodeLike {
  key: string;
  states?: Record<string, StateNodeLike>;
}

/** Every state an instance of the workflow can be in (the engine's `a` or `a.b` keys). */
function states(ids: string[]): string[] {
  const keys = new Set<string>();
  const walk = (node: StateNodeLike, prefix: string) => {
    const children = Object.values(node.states ?? {});
    if (children.length === 0) keys.add(prefix);
    for (const child of children) walk(child, prefix ? `${prefix}.${child.key}` : child.key);
  };
  for (const w of WORKFLOWS.filter((w: WorkflowDefinition) => ids.includes(w.id)))
    walk(w.machine.root as never, '');
  return [...keys].sort();
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function success(status: number, answer: Success, example: unknown): Schema {
  if ('empty' in answer) return { description: 'Done; no content' };
  if ('events' in answer)
    return {
      description: 'Server-sent events: one `notification` event per new notification',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    };
  if ('file' in answer)
    return {
      description: 'The file',
      content: Object.fromEntries(
        answer.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    };
  const schema = answer.array ? { type: 'array', items: ref(answer.schema) } : ref(answer.schema);
  return {
    description: status === 201 ? 'Created' : status === 202 ? 'Accepted' : 'OK',
    content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } },
  };
}

/** The error statuses an operation can answer: its own, and those every operation of its kind can. */
function errorStatuses(method: string, operation: Operation, contract: OperationContract): number[] {
  const statuses = new Set<number>([400, 414, 500, 503, ...(contract.errors ?? [])]);
  if (!contract.public) [401, 403].forEach((s) => statuses.add(s));
  // What names something by id, in the path, the query or the body, answers 404 for what the caller may not see.
  const namesById = (operation.parameters ?? []).some((p) => p.schema?.format === 'uuid' || p.in === 'path');
  if (namesById || (operation.requestBody && !contract.public)) statuses.add(404);
  if (method !== 'get') [409, 413, 415, 422].forEach((s) => statuses.add(s));
  if (contract.limited) statuses.add(429);
  return [...statuses].filter((s) => !(s in contract.ok)).sort();
}

/** Formats and enums of the path and query parameters, by name. */
function refineParameter(parameter: Schema, awardCodes: string[]): void {
  const schema = (parameter.schema ??= { type: 'string' });
  const name: string = parameter.name;
  if (name === 'id' || name.endsWith('Id')) Object.assign(schema, { type: 'string', format: 'uuid' });
  else if (name === 'year' || name === 'limit' || name === 'offset' || name === 'days')
    schema.type = 'integer';
  else if (name === 'date' || name === 'from' || name === 'to') schema.format ??= 'date';
  else if ((name === 'code' || name === 'awardType') && awardCodes.length > 0) schema.enum = awardCodes;
}

/** Request bodies: ids are UUIDs, years integers, award codes and event types from the catalogue and machines. */
function refineRequestSchemas(document: OpenAPIObject, awardCodes: string[]): void {
  const schemas = document.components!.schemas as Record<string, Schema>;
  for (const [schemaName, schema] of Object.entries(schemas)) {
    if (schemaName in RESPONSE_SCHEMAS) continue;
    for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) {
      const target = property.type === 'array' ? property.items : property;
      if (!target || target.$ref) continue;
      if ((name === 'id' || /Ids?$/.test(name)) && name !== 'machineId' && target.type === 'string')
        target.format = 'uuid';
      if (name === 'year' && target.type === 'number') target.type = 'integer';
      if (
        (name === 'awardType' || name === 'awardTypes') &&
        target.type === 'string' &&
        awardCodes.length > 0
      )
        target.enum = awardCodes;
    }
  }
  const sendEvent = schemas.SendEventDto;
  sendEvent.properties.type = {
    type: 'string',
    enum: [...new Set([...personEvents('nomination'), ...personEvents('provincialAward')])].sort(),
    description: 'An event a person may send; GET /nominations/{id} lists those the nomination takes now',
    example: 'SUBMIT',
  };
  sendEvent.properties.payload = {
    description:
      'Event data: a reason (RETURN, WITHDRAW, APPRAISAL_REJECTED, COUNCIL_REJECTED), a supplement request, the bodies consulted, the decision (PM_DECIDED, CHAIRMAN_DECIDED, PRESIDENT_DECIDED)',
    oneOf: [...new Set(Object.values(EVENT_PAYLOADS).map((c) => c.name))].map(ref),
  };
  const sessionEvent = schemas.SessionEventDto;
  if (sessionEvent) sessionEvent.properties.type.enum = personEvents('votingSession');
}

/**
 * The OpenAPI document of the API: Nest's reading of the controllers (paths, parameters, request bodies), with the
 * contract of `operations.ts` (operation ids, answers of every status) and the response schemas of `schemas.ts`.
 */
export async function buildOpenApiDocument(
  app: INestApplication,
  dataSource: DataSource,
): Promise<OpenAPIObject> {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('thidua')
      .setDescription(
        'Award-nomination approval for the emulation and commendation system (thi đua, khen thưởng). ' +
          'Every error answers `{ "error": { "code", "message", "details"?, "requestId" } }`, the message in ' +
          'the language of `Accept-Language` (Vietnamese by default, or English).',
      )
      .setVersion('1')
      .addServer('/')
      .addBearerAuth()
      .build(),
    { extraModels: [...new Set(Object.values(EVENT_PAYLOADS))] },
  );
  const awardCodes = (
    (await dataSource.query(`SELECT code FROM award_types ORDER BY code`)) as { code: string }[]
  ).map((r) => r.code);

  const schemas = document.components!.schemas as Record<string, Schema>;
  Object.assign(schemas, RESPONSE_SCHEMAS);
  schemas.ErrorResponse = {
    type: 'object',
    required: ['error'],
    additionalProperties: false,
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', enum: [...new Set([...Object.keys(ERROR_MESSAGES), 'INTERNAL'])].sort() },
          message: {
            type: 'string',
            description: 'In the language of Accept-Language (vi by default, or en)',
          },
          details: { type: 'object', additionalProperties: true },
          requestId: { type: 'string' },
        },
      },
    },
    example: {
      error: {
        code: 'NOMINATION.NOT_FOUND',
        message: 'Không tìm thấy hồ sơ đề nghị.',
        requestId: 'req-1f',
      },
    },
  };
  schemas.NominationState = { type: 'string', enum: states(['nomination', 'provincialAward']) };
  schemas.VotingSessionState = { type: 'string', enum: states(['votingSession']) };
  schemas.AgreementState = { type: 'string', enum: states(['agreement']) };
  if (awardCodes.length > 0) schemas.AwardCode = { type: 'string', enum: awardCodes };
  else schemas.AwardCode = { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,39}$' };
  refineRequestSchemas(document, awardCodes);

  document.components!.responses = Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([status, description]) => [
      `Error${status}`,
      {
        description,
        headers: {
          'Content-Language': { schema: { type: 'string', enum: ['vi', 'en'] } },
          ...(status === '429' || status === '503' ? { 'Retry-After': { schema: { type: 'integer' } } } : {}),
        },
        content: { 'application/json': { schema: ref('ErrorResponse') } },
      },
    ]),
  );

  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods as Record<string, Operation>)) {
      const key = `${method.toUpperCase()} ${path}`;
      const contract = OPERATIONS[key];
      if (!contract) continue;
      operation.operationId = contract.id;
      for (const parameter of operation.parameters ?? []) refineParameter(parameter, awardCodes);
      const responses: Record<string, Schema> = {};
      for (const [status, answer] of Object.entries(contract.ok))
        responses[status] = success(Number(status), answer, EXAMPLES[contract.id]?.response);
      for (const status of errorStatuses(method, operation, contract))
        responses[status] = { $ref: `#/components/responses/Error${status}` };
      operation.responses = responses;
      const requestExample = EXAMPLES[contract.id]?.request;
      const body = operation.requestBody?.content?.['application/json'];
      if (body && requestExample !== undefined) body.example = requestExample;
    }
  }
  return document;
}

/** Operations of the document without a contract, and contracts without an operation (both must be empty). */
export function uncoveredOperations(document: OpenAPIObject): { missing: string[]; stale: string[] } {
  const seen = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods as object)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
  return {
    missing: seen.filter((key) => !OPERATIONS[key]),
    stale: Object.keys(OPERATIONS).filter((key) => !seen.includes(key)),
  };
}
