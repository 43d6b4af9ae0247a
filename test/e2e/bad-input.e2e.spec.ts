import { JwtService } from '@nestjs/jwt';
import { startTestApp, type TestApp } from '../support/app';
import { Http } from '../support/http';
import { CLUSTER, orgId, person } from '../support/people';
import { chunked, rawExchange, type RawExchange, rawRequest } from '../support/raw-http';
import { createNomination, pdf, send, submitWithDossier } from '../support/story';

jest.setTimeout(60_000);

describe('bad input gets a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let officer: Http & { userId: string };
  let leader: Http;
  let draftId: string;
  let submittedId: string;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
    draftId = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: 'PROVINCE-36' });
    submittedId = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: 'PROVINCE-36',
      nominee: {
        kind: 'individual',
        organizationId: orgId('PROVINCE-36'),
        fullName: 'Trần Thị B',
        gender: 'female',
        position: 'Giám đốc Sở',
      },
    });
    await submitWithDossier(officer, submittedId);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Everything a request could have changed. */
  async function footprint() {
    const [row] = await t.dataSource.query(`
      SELECT (SELECT count(*)::int FROM nominations) AS nominations,
             (SELECT count(*)::int FROM workflow_history) AS history,
             (SELECT count(*)::int FROM nomination_documents) AS documents,
             (SELECT count(*)::int FROM workflow_outbox) AS outbox,
             (SELECT coalesce(sum(version), 0)::int FROM workflow_instances) AS versions,
             (SELECT count(*)::int FROM organizations) AS organizations`);
    return row;
  }

  /** Asserts the status and error code, the one error shape, and that nothing was written. */
  async function refused(request: Promise<{ status: number; body: any }>, status: number, code?: string) {
    const before = await footprint();
    const res = await request;
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({
      status,
      code: code ?? res.body?.error?.code,
    });
    expect(res.body.error).toEqual(
      expect.objectContaining({
        code: expect.any(String),
        message: expect.any(String),
        requestId: expect.any(String),
      }),
    );
    expect(await footprint()).toEqual(before);
    return res.body.error;
  }

  describe('authentication', () => {
    it('needs a token', async () => {
      await refused(new Http(t.url).get('/nominations'), 401, 'AUTH.UNAUTHENTICATED');
      await refused(
        new Http(t.url).get('/nominations', { authorization: 'Basic abc' }),
        401,
        'AUTH.UNAUTHENTICATED',
      );
    });
    it('refuses forged, expired and malformed tokens', async () => {
      const forged = new JwtService({ secret: 'another-secret-another-secret-another-secret' }).sign(
        { sub: officer.userId, role: 'ADMIN', org: orgId('MOHA'), email: 'x', locale: 'vi' },
        { issuer: 'thidua' },
      );
      await refused(new Http(t.url, forged).get('/nominations'), 401, 'AUTH.INVALID_TOKEN');
      const expired = t
        .get(JwtService)
        .sign(
          { sub: officer.userId, role: 'NOMINATOR', org: orgId('PROVINCE-36'), email: 'x', locale: 'vi' },
          { expiresIn: -10 },
        );
      await refused(new Http(t.url, expired).get('/nominations'), 401, 'AUTH.INVALID_TOKEN');
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"${officer.userId}","role":"ADMIN"}`).toString('base64url')}.`;
      await refused(new Http(t.url, unsigned).get('/nominations'), 401, 'AUTH.INVALID_TOKEN');
      await refused(new Http(t.url, 'not-a-jwt').get('/nominations'), 401, 'AUTH.INVALID_TOKEN');
    });
    it('rate-limits failed sign-ins', async () => {
      const anonymous = new Http(t.url);
      for (let i = 0; i < 5; i++) {
        await refused(
          anonymous.post('/auth/login', { email: 'namdinh.officer@test.thidua.vn', password: 'wrong' }),
          401,
          'AUTH.INVALID_CREDENTIALS',
        );
      }
      const limited = await refused(
        anonymous.post('/auth/login', {
          email: 'namdinh.officer@test.thidua.vn',
          password: 'correct horse battery staple',
        }),
        429,
        'AUTH.TOO_MANY_ATTEMPTS',
      );
      expect(limited.details.retryAfterSeconds).toBeGreaterThan(0);
      await refused(
        anonymous.post('/auth/login', { email: 'nobody@test.thidua.vn', password: 'x' }),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
    });
    it('keeps roles to their routes', async () => {
      await refused(
        officer.post('/organizations', { code: 'X-1', kind: 'province', nameVi: 'X', nameEn: 'X' }),
        403,
        'AUTH.FORBIDDEN',
      );
      await refused(
        leader.post('/nominations', {
          awardType: 'GOVERNMENT_FLAG',
          year: 2023,
          clusterId: CLUSTER,
          nominee: { kind: 'collective', organizationId: orgId('PROVINCE-34') },
          summary: 's',
        }),
        403,
        'NOMINATION.NOT_NOMINATOR',
      );
    });
  });

  describe('creating a nomination', () => {
    const valid = () => ({
      awardType: 'PM_CERTIFICATE',
      year: 2023,
      clusterId: CLUSTER,
      nominee: { kind: 'collective', organizationId: orgId('PROVINCE-36') },
      summary: 'x',
    });
    it('refuses malformed JSON and wrong content types', async () => {
      await refused(
        officer.request('POST', '/nominations', '{"awardType": ', { 'content-type': 'application/json' }),
        400,
      );
      await refused(
        officer.request('POST', '/nominations', 'awardType=x', { 'content-type': 'text/plain' }),
        415,
      );
    });
    it('lists every bad field at once', async () => {
      const error = await refused(
        officer.post('/nominations', {
          awardType: 42,
          year: 'last',
          nominee: { kind: 'robot', organizationId: 'x' },
          summary: '',
        }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      const fields = error.details.fields.map((f: { field: string }) => f.field).sort();
      expect(fields).toEqual(['awardType', 'nominee.kind', 'nominee.organizationId', 'summary', 'year']);
    });
    it('refuses a NUL in a nominee as bad input (400), not as the database being unavailable', async () => {
      const res = await officer.post('/nominations', {
        ...valid(),
        awardType: 'PM_CERTIFICATE',
        nominee: {
          kind: 'individual',
          fullName: 'Nguyễn Văn A\u0000',
          gender: 'male',
          position: 'Chuyên viên',
          organizationId: orgId('PROVINCE-36'),
        },
      });
      expect({ status: res.status, envelope: typeof res.body?.error?.code }).toEqual({
        status: 400,
        envelope: 'string',
      });
    });
    it('refuses unknown fields, including nested ones', async () => {
      await refused(
        officer.post('/nominations', { ...valid(), admin: true }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      await refused(
        officer.post('/nominations', { ...valid(), nominee: { ...valid().nominee, role: 'x' } }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    });
    it('refuses rule breaches with their own codes', async () => {
      await refused(
        officer.post('/nominations', { ...valid(), awardType: 'NOBEL_PRIZE' }),
        404,
        'AWARD.UNKNOWN_TYPE',
      );
      await refused(
        officer.post('/nominations', {
          ...valid(),
          awardType: 'NATIONAL_EMULATION_FIGHTER',
          clusterId: undefined,
        }),
        422,
        'NOMINATION.NOMINEE_KIND_NOT_ALLOWED',
      );
      await refused(
        officer.post('/nominations', { ...valid(), year: 2022 }),
        422,
        'NOMINATION.NOT_CLUSTER_MEMBER',
      );
      await refused(officer.post('/nominations', { ...valid(), year: 2099 }), 422, 'NOMINATION.INVALID');
      await refused(
        officer.post('/nominations', {
          ...valid(),
          nominee: { kind: 'collective', organizationId: orgId('PROVINCE-34') },
        }),
        422,
        'NOMINATION.INVALID',
      );
      await refused(
        officer.post('/nominations', { ...valid(), awardType: 'GOVERNMENT_FLAG' }),
        409,
        'NOMINATION.DUPLICATE',
      );
      await refused(
        officer.post('/nominations', {
          ...valid(),
          nominee: { kind: 'individual', organizationId: orgId('PROVINCE-36') },
        }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    });
    it('refuses a body over the size limit', async () => {
      await refused(
        officer.post('/nominations', { ...valid(), summary: 'x'.repeat(1_100_000) }),
        413,
        'REQUEST.TOO_LARGE',
      );
    });
  });

  describe('reading', () => {
    it('answers 404 for unknown and malformed ids', async () => {
      await refused(
        officer.get('/nominations/00000000-0000-4000-8000-000000000000'),
        404,
        'NOMINATION.NOT_FOUND',
      );
      await refused(officer.get('/nominations/not-a-uuid'), 404, 'REQUEST.NOT_FOUND');
      await refused(officer.get('/nominations/..%2F..%2Fetc%2Fpasswd'), 404);
      await refused(officer.get('/no-such-route'), 404, 'REQUEST.NOT_FOUND');
    });
    it('refuses bad filters and cursors', async () => {
      await refused(officer.get('/nominations?limit=1000'), 400, 'REQUEST.VALIDATION_FAILED');
      await refused(officer.get('/nominations?state=draft;DROP'), 400, 'REQUEST.VALIDATION_FAILED');
      await refused(officer.get('/nominations?cursor=garbage'), 400, 'REQUEST.INVALID_CURSOR');
      await refused(officer.get('/nominations?year=abc'), 400, 'REQUEST.VALIDATION_FAILED');
    });
  });

  describe('events', () => {
    it('refuses unknown events, bad payloads and missing reasons', async () => {
      await refused(send(officer, draftId, 'LAUNCH_ROCKET'), 400, 'NOMINATION.UNKNOWN_EVENT');
      await refused(send(officer, draftId, 'submit'), 400, 'REQUEST.VALIDATION_FAILED');
      await refused(
        send(officer, draftId, 'SUBMIT', { force: true }),
        400,
        'NOMINATION.INVALID_EVENT_PAYLOAD',
      );
      await refused(send(officer, draftId, 'WITHDRAW'), 400, 'NOMINATION.REASON_REQUIRED');
      await refused(send(officer, draftId, 'WITHDRAW', { reason: 42 }), 400, 'NOMINATION.REASON_REQUIRED');
      await refused(
        officer.post(`/nominations/${draftId}/events`, { type: 'SUBMIT', payload: 'x' }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    });
    it('answers 409 with the allowed events for an event the state does not accept', async () => {
      const error = await refused(send(officer, draftId, 'RESUBMIT'), 409, 'WORKFLOW.TRANSITION_NOT_ALLOWED');
      expect(error.details.allowedEvents).toEqual(['SUBMIT', 'WITHDRAW']);
      const incomplete = await refused(
        send(officer, draftId, 'SUBMIT'),
        409,
        'NOMINATION.DOSSIER_INCOMPLETE',
      );
      expect(incomplete.details.state).toBe('draft');
    });
    it('answers 412 for a stale If-Match and 400 for a malformed one', async () => {
      const error = await refused(
        send(leader, submittedId, 'ACCEPT', undefined, { 'if-match': '"1"' }),
        412,
        'WORKFLOW.VERSION_MISMATCH',
      );
      expect(error.details).toEqual({ expectedVersion: 1, currentVersion: 2 });
      await refused(
        send(leader, submittedId, 'ACCEPT', undefined, { 'if-match': 'yesterday' }),
        400,
        'REQUEST.INVALID_IF_MATCH',
      );
    });
    it('replays an Idempotency-Key and refuses it with another body', async () => {
      const key = `k-${Date.now()}`;
      const first = await send(
        leader,
        submittedId,
        'RETURN',
        { reason: 'Thiếu chữ ký' },
        { 'idempotency-key': key, 'if-match': '"2"' },
      );
      expect(first.status).toBe(200);
      const before = await footprint();
      const again = await send(
        leader,
        submittedId,
        'RETURN',
        { reason: 'Thiếu chữ ký' },
        { 'idempotency-key': key, 'if-match': '"2"' },
      );
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await footprint()).toEqual(before);
      await refused(
        send(leader, submittedId, 'RETURN', { reason: 'Khác' }, { 'idempotency-key': key }),
        422,
        'IDEMPOTENCY.KEY_REUSED',
      );
      await refused(
        send(leader, submittedId, 'RETURN', { reason: 'x' }, { 'idempotency-key': 'bad key with spaces' }),
        400,
        'REQUEST.INVALID_IDEMPOTENCY_KEY',
      );
    });
    it('refuses edits outside draft and returned', async () => {
      const accepted = await createNomination(officer, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-36',
        nominee: {
          kind: 'individual',
          organizationId: orgId('PROVINCE-36'),
          fullName: 'Lê Văn C',
          gender: 'male',
          position: 'Phó Giám đốc',
        },
      });
      await submitWithDossier(officer, accepted);
      await refused(
        officer.patch(`/nominations/${accepted}`, { summary: 'changed' }),
        409,
        'NOMINATION.NOT_EDITABLE',
      );
    });
  });

  describe('documents', () => {
    it('checks the type by content: a disguised file is refused', async () => {
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
      await refused(
        officer.upload(draftId, 'proposal', exe, 'proposal.pdf'),
        415,
        'DOCUMENT.TYPE_NOT_ALLOWED',
      );
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      await refused(
        officer.upload(draftId, 'proposal', html, 'proposal.pdf'),
        415,
        'DOCUMENT.TYPE_NOT_ALLOWED',
      );
      const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
      await refused(
        officer.upload(draftId, 'proposal', zip, 'proposal.docx'),
        415,
        'DOCUMENT.TYPE_NOT_ALLOWED',
      );
    });
    it('refuses an oversize file, a missing file and an unknown kind', async () => {
      const big = Buffer.concat([pdf('big'), Buffer.alloc(21 * 1024 * 1024)]);
      await refused(officer.upload(draftId, 'proposal', big), 413, 'DOCUMENT.TOO_LARGE');
      await refused(
        officer.post(`/nominations/${draftId}/documents`, { kind: 'proposal' }),
        400,
        'DOCUMENT.FILE_REQUIRED',
      );
      await refused(officer.upload(draftId, 'passport', pdf()), 400, 'NOMINATION.INVALID_EVENT_PAYLOAD');
    });
    it('keeps a submitted dossier frozen and other people out of it', async () => {
      const frozen = await createNomination(officer, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-36',
        nominee: {
          kind: 'individual',
          organizationId: orgId('PROVINCE-36'),
          fullName: 'Phạm Thị D',
          gender: 'female',
          position: 'Chuyên viên',
        },
      });
      await submitWithDossier(officer, frozen);
      await refused(officer.upload(frozen, 'proposal', pdf()), 409, 'DOCUMENT.DOSSIER_FROZEN');
      await refused(leader.upload(draftId, 'voteMinutes', pdf()), 409, 'DOCUMENT.DOSSIER_FROZEN');
      await refused(leader.upload(draftId, 'achievementReport', pdf()), 403, 'DOCUMENT.UPLOAD_NOT_ALLOWED');
      const stranger = await person(t, 'vinhphuc.officer', 'NOMINATOR', 'PROVINCE-26');
      await refused(stranger.upload(draftId, 'proposal', pdf()), 404, 'NOMINATION.NOT_FOUND');
    });
    it('stores an upload under a random name and serves it back unchanged', async () => {
      const content = pdf('Tờ trình số 12');
      const up = await officer.upload(draftId, 'proposal', content, '../../etc/Tờ trình.pdf');
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({
        kind: 'proposal',
        fileName: 'Tờ trình.pdf',
        contentType: 'application/pdf',
        current: true,
      });
      const down = await fetch(`${t.url}/nominations/${draftId}/documents/${up.body.id}`, {
        headers: { authorization: `Bearer ${officer.token}` },
      });
      expect(down.status).toBe(200);
      expect(Buffer.from(await down.arrayBuffer()).equals(content)).toBe(true);
      expect(down.headers.get('content-disposition')).toContain(
        "filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh.pdf",
      );
    });
  });

  /** One answer read over a raw connection: the status, the error envelope, and that nothing cut it short. */
  function envelope(exchange: RawExchange, status: number, code: string, requestId = true) {
    expect({ error: exchange.error, sentAll: exchange.sentAll }).toEqual({ error: undefined, sentAll: true });
    const [res] = exchange.responses;
    expect({ status: res?.status, code: res?.body?.error?.code }).toEqual({ status, code });
    expect(res.body.error).toEqual(
      expect.objectContaining({
        message: expect.any(String),
        ...(requestId ? { requestId: res.headers['x-request-id'] } : {}),
      }),
    );
    return res;
  }

  describe('bodies over the limit', () => {
    const big = () => JSON.stringify({ summary: 'x'.repeat(2 * 1024 * 1024) });

    it('answers 413 to a declared length over the limit, reads the rest, and keeps the connection', async () => {
      const before = await footprint();
      const body = big();
      const exchange = await rawExchange(
        t.url,
        [
          rawRequest(
            'POST',
            '/nominations',
            {
              authorization: `Bearer ${officer.token}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
            body,
          ),
          rawRequest('GET', '/health', {}),
        ],
        { expected: 2 },
      );
      envelope(exchange, 413, 'REQUEST.TOO_LARGE');
      // The body was read to its end: the next request on the same connection is answered.
      expect(exchange.responses[1]?.status).toBe(200);
      expect(await footprint()).toEqual(before);
    });

    it('answers 413 to a chunked body that grows past the limit', async () => {
      const pieces = Array.from({ length: 40 }, (_, i) =>
        Buffer.from(i === 0 ? `{"summary":"${'x'.repeat(64 * 1024 - 12)}` : 'x'.repeat(64 * 1024)),
      );
      pieces.push(Buffer.from('"}'));
      const exchange = await rawExchange(
        t.url,
        [
          rawRequest('POST', '/nominations', {
            authorization: `Bearer ${officer.token}`,
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
          }),
          chunked(pieces),
          rawRequest('GET', '/health', {}),
        ],
        { expected: 2 },
      );
      envelope(exchange, 413, 'REQUEST.TOO_LARGE');
      expect(exchange.responses[1]?.status).toBe(200);
    });

    it('answers 413 to a client that asked to close the connection, after reading its body', async () => {
      // Far more than the connection's buffers hold: it arrives only if the server reads it.
      const body = JSON.stringify({ summary: 'x'.repeat(16 * 1024 * 1024) });
      const exchange = await rawExchange(t.url, [
        rawRequest(
          'POST',
          '/nominations',
          { 'content-type': 'application/json', 'content-length': body.length, connection: 'close' },
          body,
        ),
      ]);
      envelope(exchange, 413, 'REQUEST.TOO_LARGE');
    });

    it('answers 401 to an unsigned upload without reading it, and keeps the answer readable', async () => {
      const file = Buffer.alloc(16 * 1024 * 1024, 7);
      const head = Buffer.from(
        '--B\r\nContent-Disposition: form-data; name="kind"\r\n\r\nproposal\r\n' +
          '--B\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
      );
      const body = Buffer.concat([head, file, Buffer.from('\r\n--B--\r\n')]);
      const exchange = await rawExchange(t.url, [
        rawRequest(
          'POST',
          `/nominations/${draftId}/documents`,
          { 'content-type': 'multipart/form-data; boundary=B', 'content-length': body.length },
          body,
        ),
      ]);
      envelope(exchange, 401, 'AUTH.UNAUTHENTICATED');
    });

    it('answers 413 in the envelope to an upload over the document limit, over a raw connection', async () => {
      const before = await footprint();
      const file = Buffer.concat([pdf('big'), Buffer.alloc(21 * 1024 * 1024, 1)]);
      const head = Buffer.from(
        '--B\r\nContent-Disposition: form-data; name="kind"\r\n\r\nproposal\r\n' +
          '--B\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
      );
      const body = Buffer.concat([head, file, Buffer.from('\r\n--B--\r\n')]);
      const exchange = await rawExchange(
        t.url,
        [
          rawRequest(
            'POST',
            `/nominations/${draftId}/documents`,
            {
              authorization: `Bearer ${officer.token}`,
              'content-type': 'multipart/form-data; boundary=B',
              'content-length': body.length,
            },
            body,
          ),
          rawRequest('GET', '/health', {}),
        ],
        { expected: 2 },
      );
      envelope(exchange, 413, 'DOCUMENT.TOO_LARGE');
      expect(exchange.responses[1]?.status).toBe(200);
      expect(await footprint()).toEqual(before);
    });

    it('answers 413 to a large body sent with fetch', async () => {
      const res = await officer.request('POST', '/nominations', big(), {
        'content-type': 'application/json',
      });
      expect({ status: res.status, code: res.body.error.code }).toEqual({
        status: 413,
        code: 'REQUEST.TOO_LARGE',
      });
    });
  });

  describe('errors raised by the HTTP framework', () => {
    it('answers a malformed percent-encoding in the path with 400 REQUEST.BAD_URL', async () => {
      await refused(officer.get('/nominations/%E0%A4%A'), 400, 'REQUEST.BAD_URL');
      // A percent-encoded lone surrogate is not UTF-8 either.
      await refused(officer.get('/award-types/%ED%A0%80'), 400, 'REQUEST.BAD_URL');
    });

    it("says so in the caller's language, Vietnamese first", async () => {
      const vi = await officer.get('/nominations/%E0%A4%A');
      expect(vi.body.error.message).toBe('Địa chỉ yêu cầu không hợp lệ.');
      expect(vi.headers.get('content-language')).toBe('vi');
      const en = await officer.get(`/award-types/${'A'.repeat(300)}`, {
        'accept-language': 'en-GB,en;q=0.9',
      });
      expect(en.body.error.message).toBe('The request URL is too long.');
      expect(en.headers.get('content-language')).toBe('en');
      // Node's parser refused the request: its headers are unknown, and the answer is Vietnamese.
      const exchange = await rawExchange(t.url, [
        rawRequest('GET', '/health', { 'x-big': 'a'.repeat(40_000) }),
      ]);
      expect(exchange.responses[0]?.body?.error?.message).toBe('Phần đầu (header) của yêu cầu quá lớn.');
      expect(exchange.responses[0]?.headers['content-language']).toBe('vi');
    });

    it('answers an over-long path segment or URL with 414 REQUEST.URI_TOO_LONG', async () => {
      await refused(officer.get(`/award-types/${'A'.repeat(300)}`), 414, 'REQUEST.URI_TOO_LONG');
      await refused(officer.get(`/nominations?q=${'a'.repeat(9000)}`), 414, 'REQUEST.URI_TOO_LONG');
    });

    it('answers unknown routes and methods with 404 REQUEST.NOT_FOUND', async () => {
      await refused(officer.get('/no/such/route'), 404, 'REQUEST.NOT_FOUND');
      await refused(officer.request('DELETE', '/health'), 404, 'REQUEST.NOT_FOUND');
    });

    it('answers headers over the limit with 431 REQUEST.HEADERS_TOO_LARGE, in a well-formed response', async () => {
      const exchange = await rawExchange(t.url, [
        rawRequest('GET', '/health', { 'x-big': 'a'.repeat(40_000) }),
      ]);
      const res = envelope(exchange, 431, 'REQUEST.HEADERS_TOO_LARGE');
      expect(res.headers.connection).toBe('close');
    });

    it('answers a request line longer than the header limit with 414 or 431, in the envelope', async () => {
      const exchange = await rawExchange(t.url, [rawRequest('GET', `/health?${'a'.repeat(20_000)}`, {})]);
      const [res] = exchange.responses;
      expect([
        [414, 'REQUEST.URI_TOO_LONG'],
        [431, 'REQUEST.HEADERS_TOO_LARGE'],
      ]).toContainEqual([res?.status, res?.body?.error?.code]);
      expect(exchange.error).toBeUndefined();
    });

    it.each([
      ['garbage', 'GARBAGE\r\n\r\n'],
      ['an unknown method', 'BREW /health HTTP/1.1\r\nHost: x\r\n\r\n'],
      ['a bad version', 'GET /health HTTP/9.9\r\nHost: x\r\n\r\n'],
      ['a header without a colon', 'GET /health HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n'],
      ['a non-numeric length', 'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'],
      [
        'both a length and chunked encoding',
        'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      ],
      [
        'a bad chunk size',
        'POST /auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n',
      ],
    ])('answers malformed HTTP (%s) with a well-formed 400 REQUEST.MALFORMED', async (_, request) => {
      const exchange = await rawExchange(t.url, [request]);
      const res = envelope(exchange, 400, 'REQUEST.MALFORMED');
      expect(res.headers.connection).toBe('close');
      expect(res.headers['content-type']).toContain('application/json');
    });
  });

  describe('award policies', () => {
    it('refuses a policy without rules, or with rules of the wrong shape, with the field', async () => {
      const admin = await person(t, 'policy.admin', 'ADMIN', 'MOHA');
      for (const rules of [undefined, [], null, 'x']) {
        const error = await refused(
          admin.post('/award-types/PM_CERTIFICATE/policies', {
            effectiveFrom: '2030-01-01',
            source: 'Decree 152/2025/NĐ-CP',
            ...(rules === undefined ? {} : { rules }),
          }),
          400,
          'REQUEST.VALIDATION_FAILED',
        );
        expect(error.details.fields.map((f: { field: string }) => f.field)).toEqual(['rules']);
      }
    });
  });

  describe('strings and keys no validator should have to think of', () => {
    it('refuses a lone surrogate in any string with 400 and the field', async () => {
      // Written as JSON escapes: the body itself is well-formed UTF-8, the decoded string is not text.
      const login = await refused(
        new Http(t.url).request('POST', '/auth/login', '{"email":"a\\ud800@x.vn","password":"p"}', {
          'content-type': 'application/json',
        }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expect(login.details.fields).toEqual([{ field: 'email', problems: [expect.any(String)] }]);
      const admin = await person(t, 'surrogate.admin', 'ADMIN', 'MOHA');
      const user = await refused(
        admin.request(
          'POST',
          '/users',
          `{"email":"x\\udc00@test.thidua.vn","fullName":"A","role":"NOMINATOR","organizationId":"${orgId('PROVINCE-36')}"}`,
          { 'content-type': 'application/json' },
        ),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expect(user.details.fields.map((f: { field: string }) => f.field)).toEqual(['email']);
      const nested = await refused(
        officer.request(
          'POST',
          '/nominations',
          `{"awardType":"PM_CERTIFICATE","year":2023,"nominee":{"kind":"collective","organizationId":"${orgId('PROVINCE-36')}"},"summary":"a\\ud83d"}`,
          { 'content-type': 'application/json' },
        ),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expect(nested.details.fields.map((f: { field: string }) => f.field)).toEqual(['summary']);
      // A well-formed pair (an emoji) is text.
      const emoji = await new Http(t.url).request(
        'POST',
        '/auth/login',
        '{"email":"a\\ud83d\\ude00@x.vn","password":"p"}',
        { 'content-type': 'application/json' },
      );
      expect(emoji.status).toBe(401);
    });

    it.each(['prototype', '__proto__', 'constructor'])(
      'refuses a key named %s like any other unknown key, at any depth',
      async (key) => {
        const top = await refused(
          new Http(t.url).request(
            'POST',
            '/auth/login',
            `{"email":"a@x.vn","password":"p","${key}":{"x":1}}`,
            {
              'content-type': 'application/json',
            },
          ),
          400,
          'REQUEST.VALIDATION_FAILED',
        );
        expect(top.details.fields).toEqual([{ field: key, problems: [`property ${key} should not exist`] }]);
        const nested = await refused(
          officer.request(
            'POST',
            '/nominations',
            `{"awardType":"PM_CERTIFICATE","year":2023,"nominee":{"kind":"collective","${key}":1},"summary":"s"}`,
            { 'content-type': 'application/json' },
          ),
          400,
          'REQUEST.VALIDATION_FAILED',
        );
        expect(nested.details.fields.map((f: { field: string }) => f.field)).toEqual([`nominee.${key}`]);
        await refused(officer.get(`/nominations?${key}=1`), 400, 'REQUEST.VALIDATION_FAILED');
      },
    );
  });
});
