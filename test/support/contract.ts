import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks answers against the OpenAPI document the app serves: the status must be one the operation declares, and a
 * JSON body must match the schema declared for that status. An answer that does not is a broken contract.
 */
type Schema = Record<string, any>;

interface Operation {
  key: string;
  operationId: string;
  responses: Record<string, Schema>;
}

/** OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a null type, references point into `definitions`. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node as Schema)) {
    if (key === 'example' || key === 'examples' || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string')
      out.$ref = value.replace('#/components/schemas/', 'openapi#/definitions/');
    else if (key === 'properties' && value && typeof value === 'object')
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    else out[key] = toJsonSchema(value);
  }
  if ((node as Schema).nullable) {
    if (out.$ref || out.allOf || out.oneOf) return { anyOf: [out, { type: 'null' }] };
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (out.enum) out.enum = [...out.enum, null];
  }
  return out;
}

export class ContractChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: { pattern: RegExp; params: number; methods: Record<string, Operation> }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Schema) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', definitions: toJsonSchema(document.components?.schemas ?? {}) });
    this.routes = Object.entries<Schema>(document.paths)
      .map(([path, methods]) => ({
        pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (path.match(/\{/g) ?? []).length,
        methods: Object.fromEntries(
          Object.entries<Schema>(methods).map(([method, op]) => [
            method.toUpperCase(),
            { key: `${method.toUpperCase()} ${path}`, operationId: op.operationId, responses: op.responses },
          ]),
        ),
      }))
      .sort((a, b) => a.params - b.params);
  }

  private resolve(response: Schema): Schema {
    const ref: string | undefined = response.$ref;
    if (!ref) return response;
    return this.document.components.responses[ref.replace('#/components/responses/', '')];
  }

  private validator(name: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(name);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Schema);
      this.validators.set(name, validate);
    }
    return validate;
  }

  /** Throws when the answer breaks the document; requests outside the API (pages, unknown routes) pass. */
  check(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
    const path = new URL(url, 'http://x').pathname.replace(/\/+$/, '') || '/';
    const route = this.routes.find((r) => r.pattern.test(path) && r.methods[method]);
    const json = (contentType ?? '').includes('json');
    if (!route) {
      // Not an operation of the API: its errors still share the envelope.
      if (json && status >= 400)
        this.match(
          'ErrorResponse',
          { $ref: '#/components/schemas/ErrorResponse' },
          body,
          `${method} ${path}`,
          status,
        );
      return;
    }
    const operation = route.methods[method];
    const declared = operation.responses[String(status)];
    const where = `${method} ${path} (${operation.operationId})`;
    if (!declared)
      throw new Error(
        `${where} answered ${status}, which the OpenAPI document does not declare (it declares ${Object.keys(operation.responses).join(', ')})` +
          (json ? `: ${JSON.stringify(body).slice(0, 500)}` : ''),
      );
    const response = this.resolve(declared);
    const content: Record<string, Schema> | undefined = response.content;
    if (!content || status === 204) return;
    const mediaType = (contentType ?? '').split(';')[0].trim();
    if (!content[mediaType])
      throw new Error(
        `${where} answered ${status} as ${mediaType || 'no content type'}; the OpenAPI document says ${Object.keys(content).join(', ')}`,
      );
    if (json) this.match(`${operation.key} ${status}`, content[mediaType].schema, body, where, status);
  }

  /** What is wrong with a value for an OpenAPI schema of the document (undefined when it matches). */
  mismatch(schema: Schema, value: unknown): string | undefined {
    const validate = this.ajv.compile(toJsonSchema(schema) as Schema);
    return validate(value) ? undefined : this.ajv.errorsText(validate.errors, { separator: '; ' });
  }

  private match(name: string, schema: Schema, body: unknown, where: string, status: number): void {
    const validate = this.validator(name, schema);
    if (!validate(body))
      throw new Error(
        `${where} answered ${status} with a body that does not match the OpenAPI document: ` +
          `${this.ajv.errorsText(validate.errors, { separator: '; ' })}\n${JSON.stringify(body).slice(0, 1000)}`,
      );
  }
}

const checkers = new Map<string, Promise<ContractChecker | undefined>>();

/** The checker for the app at `base`, from its served document (none when it serves none: a worker, docs off). */
export function contractFor(base: string): Promise<ContractChecker | undefined> {
  let checker = checkers.get(base);
  if (!checker) {
    checker = fetch(`${base}/docs/openapi.json`).then(async (res) =>
      res.ok ? new ContractChecker((await res.json()) as Schema) : undefined,
    );
    checkers.set(base, checker);
  }
  return checker;
}
