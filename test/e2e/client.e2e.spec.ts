import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { startTestApp, type TestApp } from '../support/app';
import { ContractChecker } from '../support/contract';
import { cast, type Cast, CLUSTER, PASSWORD } from '../support/people';
import { passVote, pdf } from '../support/story';

jest.setTimeout(90_000);

/** The story client, loaded by name: it imports the generated types, which exist only in the test's directory. */
interface StoryClient {
  tellStory(
    baseUrl: string,
    cast: Record<string, unknown>,
    passVote: (id: string) => Promise<void>,
    pdf: (text: string) => Uint8Array,
  ): Promise<unknown>;
}
const { tellStory } = jest.requireActual<StoryClient>(['.', 'client', 'story-client'].join('/'));

const ROOT = path.join(__dirname, '../..');

/** Type errors of the story client compiled against types generated from the served document. */
function typeErrors(dir: string): string[] {
  const program = ts.createProgram([path.join(dir, 'story-client.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    paths: { 'openapi-fetch': [path.join(ROOT, 'node_modules/openapi-fetch/dist/index.d.cts')] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${path.basename(d.file?.fileName ?? '')}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('a client generated from the OpenAPI document', () => {
  let t: TestApp;
  let c: Cast;
  let dir: string;
  let document: {
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          requestBody?: { content?: Record<string, { schema: object; example?: unknown }> };
          responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
        }
      >
    >;
  };

  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
    c = await cast(t);
    dir = mkdtempSync(path.join(tmpdir(), 'thidua-client-'));
    const res = await fetch(`${t.url}/docs/openapi.json`);
    expect(res.status).toBe(200);
    document = (await res.json()) as typeof document;
    writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(document));
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('names every operation as a client library would, and answers each with a declared schema', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(90);
    const ids = operations.map((o) => o.operationId);
    expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) {
      const statuses = Object.keys(operation.responses);
      expect(`${operation.operationId}: ${statuses.some((s) => /^2/.test(s))}`).toBe(
        `${operation.operationId}: true`,
      );
    }
  });

  it('gives examples of the main operations that match their own schemas', () => {
    const checker = new ContractChecker(document);
    const examples: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const request = operation.requestBody?.content?.['application/json'];
        if (request?.example !== undefined) {
          examples.push(`${operation.operationId} request`);
          expect(
            `${operation.operationId}: ${checker.mismatch(request.schema, request.example) ?? 'ok'}`,
          ).toBe(`${operation.operationId}: ok`);
        }
        for (const [status, response] of Object.entries(operation.responses)) {
          const content = response.content?.['application/json'];
          if (content?.example === undefined) continue;
          examples.push(`${operation.operationId} ${status}`);
          checker.check(method.toUpperCase(), path, Number(status), 'application/json', content.example);
        }
      }
    }
    expect(examples).toEqual(
      expect.arrayContaining([
        'createNomination request',
        'sendNominationEvent request',
        'getNomination 200',
      ]),
    );
  });

  it('type-checks the story client against the generated types and tells the story through it', async () => {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
        path.join(dir, 'openapi.json'),
        '-o',
        path.join(dir, 'api.d.ts'),
      ],
      { stdio: 'pipe' },
    );
    copyFileSync(path.join(__dirname, 'client/story-client.ts'), path.join(dir, 'story-client.ts'));
    expect(typeErrors(dir)).toEqual([]);

    const story = await tellStory(
      t.url,
      {
        officer: { email: 'namdinh.officer@test.thidua.vn', password: PASSWORD },
        clusterId: CLUSTER,
        leader: c.leader2023.token!,
        board: c.board.token!,
        secretary: c.secretary.token!,
        pmOffice: c.pmOffice.token!,
      },
      (id) => passVote(t, id),
      (text) => pdf(text),
    );
    expect(story).toEqual({
      state: 'awarded',
      decisionNumber: '1624/QĐ-TTg',
      events: [
        'CREATE',
        'SUBMIT',
        'ACCEPT',
        'VOTE_OPENED',
        'VOTE_PASSED',
        'FORWARD',
        'APPRAISAL_PASSED',
        'COUNCIL_APPROVED',
        'PM_DECIDED',
      ],
    });
  });
});
