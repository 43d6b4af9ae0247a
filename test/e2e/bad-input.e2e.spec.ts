import { JwtService } from '@nestjs/jwt';
import { startTestApp, type TestApp } from '../support/app';
import { Http } from '../support/http';
import { CLUSTER, orgId, person } from '../support/people';
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
        422,
        'NOMINATION.INVALID',
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
});
