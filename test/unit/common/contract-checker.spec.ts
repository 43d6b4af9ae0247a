import { ContractChecker } from '../../support/contract';

const document = {
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { $ref: '#/components/responses/Error404' },
        },
      },
    },
    '/things/export.xlsx': {
      get: { operationId: 'exportThings', responses: { '200': { content: { 'application/xlsx': {} } } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'year', 'note'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          year: { type: 'integer' },
          note: { type: 'string', nullable: true },
        },
      },
      ErrorResponse: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'] } },
      },
    },
    responses: {
      Error404: {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
      },
    },
  },
};

describe('the check of answers against the OpenAPI document', () => {
  const checker = new ContractChecker(document);
  const id = '5b64065d-5f6a-47b7-953a-34340701c610';
  const json = 'application/json; charset=utf-8';

  it('passes an answer that matches, a null where the schema allows it, and an error in the envelope', () => {
    expect(() =>
      checker.check('GET', `/things/${id}?x=1`, 200, json, { id, year: 2023, note: null }),
    ).not.toThrow();
    expect(() =>
      checker.check('GET', `/things/${id}`, 404, json, { error: { code: 'X.Y', message: 'no' } }),
    ).not.toThrow();
    expect(() => checker.check('GET', '/things/export.xlsx', 200, 'application/xlsx', '')).not.toThrow();
  });

  it('fails an undeclared status, a wrong body, a wrong format and a wrong media type', () => {
    expect(() => checker.check('GET', `/things/${id}`, 409, json, { error: {} })).toThrow(
      /GET \/things\/.* \(getThing\) answered 409, which the OpenAPI document does not declare/,
    );
    expect(() => checker.check('GET', `/things/${id}`, 200, json, { id, year: 2023.5, note: null })).toThrow(
      /year must be integer/,
    );
    expect(() => checker.check('GET', `/things/${id}`, 200, json, { id: 'x', year: 1, note: 'a' })).toThrow(
      /id must match format "uuid"/,
    );
    expect(() =>
      checker.check('GET', `/things/${id}`, 200, json, { id, year: 1, note: 'a', extra: true }),
    ).toThrow(/must NOT have additional properties/);
    expect(() => checker.check('GET', `/things/${id}`, 200, 'text/html', '<p>')).toThrow(
      /answered 200 as text\/html; the OpenAPI document says application\/json/,
    );
  });

  it('holds the errors of routes outside the document to the envelope', () => {
    expect(() => checker.check('GET', '/nowhere', 404, json, { message: 'Not Found' })).toThrow(
      /does not match the OpenAPI document/,
    );
    expect(() => checker.check('GET', '/app/page', 200, 'text/html', '<html>')).not.toThrow();
  });
});
