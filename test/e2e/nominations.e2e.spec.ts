import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { cast, type Cast, orgId, person } from '../support/people';
import { createNomination, passVote, pdf, send, step, submitWithDossier } from '../support/story';

jest.setTimeout(60_000);

describe('nominations over HTTP: the cluster route to the decision', () => {
  let t: TestApp;
  let c: Cast;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    c = await cast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("carries Nam Định's Government Emulation Flag from draft to awarded", async () => {
    const id = await createNomination(c.officers.namdinh, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: 'PROVINCE-36',
    });
    const draft = await c.officers.namdinh.get(`/nominations/${id}`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get('etag')).toBe('"1"');
    expect(draft.body).toMatchObject({
      state: 'draft',
      stateLabel: { vi: 'Dự thảo (chờ chuyển)', en: 'Draft (waiting to forward)' },
      version: 1,
      nominatingOrganization: { nameVi: 'Nam Định' },
      nominee: { kind: 'collective', name: 'Nam Định' },
      policy: { version: 2, effectiveFrom: '2025-07-01' },
    });
    expect(draft.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['SUBMIT', 'WITHDRAW']);

    expect((await submitWithDossier(c.officers.namdinh, id)).state).toBe('submitted');
    // The 2023 leader (Thái Bình) sees the cluster's nominations and may accept; the officer may not.
    expect(
      (await c.leader2023.get(`/nominations/${id}`)).body.allowedEvents.map((e: { type: string }) => e.type),
    ).toEqual(['ACCEPT', 'RETURN']);
    expect((await step(c.leader2023, id, 'ACCEPT')).state).toBe('accepted');
    await passVote(t, id);
    const minutes = await c.leader2023.upload(id, 'voteMinutes', pdf('minutes'));
    expect(minutes.status).toBe(201);
    expect((await step(c.leader2023, id, 'FORWARD')).state).toBe('centralAppraisal');
    const appraising = await c.board.get(`/nominations/${id}`);
    expect(appraising.body.dueAt).not.toBeNull();
    expect((await step(c.board, id, 'APPRAISAL_PASSED')).state).toBe('councilReview');
    expect((await step(c.secretary, id, 'COUNCIL_APPROVED')).state).toBe('pmProposal');
    const decided = await step(c.pmOffice, id, 'PM_DECIDED', {
      outcome: 'awarded',
      decisionNumber: '1624/QĐ-TTg',
      decisionDate: '2024-10-14',
    });
    expect(decided).toMatchObject({
      state: 'awarded',
      status: 'done',
      stateLabel: { vi: 'Đã khen thưởng' },
      decision: { outcome: 'awarded', decisionNumber: '1624/QĐ-TTg', decisionDate: '2024-10-14' },
      vote: { approvals: 7, rank: 1 },
      allowedEvents: [],
    });

    const history = await c.officers.namdinh.get(`/nominations/${id}/history`);
    expect(history.body.verified).toBe(true);
    expect(history.body.entries.map((e: { event: string }) => e.event)).toEqual([
      'CREATE',
      'SUBMIT',
      'ACCEPT',
      'VOTE_OPENED',
      'VOTE_PASSED',
      'FORWARD',
      'APPRAISAL_PASSED',
      'COUNCIL_APPROVED',
      'PM_DECIDED',
    ]);
    const submit = history.body.entries[1];
    expect(submit.actor.organization.nameVi).toBe('Nam Định');
    expect(submit.payload.dossier.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'achievementReport',
      'proposal',
    ]);

    // Notifications reached the people who had to act or be told.
    await eventually(async () => {
      const inbox = await c.board.get('/notifications');
      expect(inbox.body.items.map((n: { template: string }) => n.template)).toEqual(
        expect.arrayContaining(['nomination.forwarded', 'nomination.decided']),
      );
    });
    await eventually(async () => {
      const inbox = await c.officers.namdinh.get('/notifications?unread=true');
      expect(inbox.body.items.map((n: { template: string }) => n.template)).toEqual(
        expect.arrayContaining(['nomination.accepted', 'nomination.forwarded', 'nomination.decided']),
      );
      expect(inbox.body.items[0].link).toMatch(new RegExp(`/app/nominations/${id}$`));
    });
  });

  it('rejects a nomination at appraisal with a reason, and the reason is required', async () => {
    const id = await createNomination(c.officers.hungyen, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: 'PROVINCE-33',
    });
    await submitWithDossier(c.officers.hungyen, id);
    await step(c.leader2023, id, 'ACCEPT');
    await passVote(t, id, { approvals: 6, share: 6 / 9, rank: 2 });
    await c.leader2023.upload(id, 'voteMinutes', pdf('minutes'));
    await step(c.leader2023, id, 'FORWARD');
    const missing = await send(c.board, id, 'APPRAISAL_REJECTED');
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('NOMINATION.REASON_REQUIRED');
    const rejected = await step(c.board, id, 'APPRAISAL_REJECTED', {
      reason: 'Thành tích chưa đủ tiêu chuẩn',
    });
    expect(rejected).toMatchObject({ state: 'rejected', lastReason: 'Thành tích chưa đủ tiêu chuẩn' });
  });

  it('returns a nomination for correction and takes it back resubmitted', async () => {
    const id = await createNomination(c.officers.quangninh, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: 'PROVINCE-22',
    });
    await submitWithDossier(c.officers.quangninh, id);
    const returned = await step(c.leader2023, id, 'RETURN', { reason: 'Thiếu chữ ký trên tờ trình' });
    expect(returned).toMatchObject({ state: 'returned', lastReason: 'Thiếu chữ ký trên tờ trình' });
    expect(returned.dueAt).not.toBeNull();
    // While returned, the unit may edit and replace a document.
    const patched = await c.officers.quangninh.patch(`/nominations/${id}`, { summary: 'Tờ trình đã ký' });
    expect(patched.body.summary).toBe('Tờ trình đã ký');
    expect((await c.officers.quangninh.upload(id, 'proposal', pdf('signed'))).status).toBe(201);
    const documents = await c.officers.quangninh.get(`/nominations/${id}/documents`);
    expect(
      documents.body
        .filter((d: { kind: string }) => d.kind === 'proposal')
        .map((d: { current: boolean }) => d.current),
    ).toEqual([true, false]);
    expect((await step(c.officers.quangninh, id, 'RESUBMIT')).state).toBe('submitted');
    expect((await step(c.leader2023, id, 'ACCEPT')).state).toBe('accepted');
  });

  it("each transition's answer shows what the database holds: state, deadline, dates and version", async () => {
    const id = await createNomination(c.officers.quangninh, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: 'PROVINCE-22',
    });
    const fields = (n: Record<string, unknown>) => ({
      state: n.state,
      version: n.version,
      dueAt: n.dueAt,
      dueProvisional: n.dueProvisional,
      overdue: n.overdue,
      submittedAt: n.submittedAt,
      decidedAt: n.decidedAt,
      updatedAt: n.updatedAt,
      policy: n.policy,
    });
    /** The answer against a fresh read and against the row itself. */
    const agrees = async (answer: Record<string, unknown>) => {
      const read = await c.officers.quangninh.get(`/nominations/${id}`);
      expect(fields(answer)).toEqual(fields(read.body));
      const [row] = (await t.dataSource.query(
        `SELECT state, due_at, submitted_at, decided_at, updated_at FROM nominations WHERE id = $1`,
        [id],
      )) as {
        state: string;
        due_at: Date | null;
        submitted_at: Date | null;
        decided_at: Date | null;
        updated_at: Date;
      }[];
      expect(answer).toMatchObject({
        state: row.state,
        dueAt: row.due_at?.toISOString() ?? null,
        submittedAt: row.submitted_at?.toISOString() ?? null,
        decidedAt: row.decided_at?.toISOString() ?? null,
      });
      return answer;
    };
    const submitted = await agrees(await submitWithDossier(c.officers.quangninh, id));
    const returned = await agrees(await step(c.leader2023, id, 'RETURN', { reason: 'Thiếu chữ ký' }));
    // Returned, the unit has a deadline to answer; resubmitted, that deadline is gone.
    expect(returned.dueAt).not.toBeNull();
    const resubmitted = await agrees(await step(c.officers.quangninh, id, 'RESUBMIT'));
    expect(resubmitted.dueAt).toBeNull();
    // The first submission's date stays.
    expect(resubmitted.submittedAt).toBe(submitted.submittedAt);
    await agrees(await step(c.leader2023, id, 'RETURN', { reason: 'Thiếu bản tóm tắt' }));
    await agrees(await step(c.officers.quangninh, id, 'RESUBMIT'));
    await agrees(await step(c.leader2023, id, 'ACCEPT'));
    await agrees(await step(c.officers.quangninh, id, 'WITHDRAW', { reason: 'Đơn vị rút hồ sơ' }));
  });

  it('loops through a supplementation request', async () => {
    const id = await createNomination(c.officers.bacninh, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: 'PROVINCE-27',
    });
    await submitWithDossier(c.officers.bacninh, id);
    await step(c.leader2023, id, 'ACCEPT');
    await passVote(t, id);
    await c.leader2023.upload(id, 'voteMinutes', pdf('minutes'));
    await step(c.leader2023, id, 'FORWARD');
    const asked = await step(c.board, id, 'REQUEST_SUPPLEMENT', { reason: 'Bổ sung báo cáo tài chính' });
    expect(asked.state).toBe('supplementRequested');
    expect((await c.officers.bacninh.upload(id, 'other', pdf('financial report'))).status).toBe(201);
    expect((await step(c.officers.bacninh, id, 'SUPPLEMENT')).state).toBe('centralAppraisal');
    expect((await step(c.board, id, 'REQUEST_CONSULTATION', { bodies: ['Bộ Tài chính'] })).state).toBe(
      'centralAppraisal',
    );
    expect((await step(c.board, id, 'APPRAISAL_PASSED')).state).toBe('councilReview');
  });

  it('lets the nominating unit withdraw with a reason', async () => {
    const id = await createNomination(c.officers.ninhbinh, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: 'PROVINCE-37',
    });
    await submitWithDossier(c.officers.ninhbinh, id);
    const withdrawn = await step(c.officers.ninhbinh, id, 'WITHDRAW', { reason: 'Đơn vị rút hồ sơ' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', status: 'done', allowedEvents: [] });
    // A withdrawn nomination frees the nominee for a new one.
    const again = await createNomination(c.officers.ninhbinh, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: 'PROVINCE-37',
    });
    expect(again).not.toBe(id);
  });

  it('keeps an open nomination going through a merger: the successor continues, history keeps the old name', async () => {
    const hanam = c.officers.hanam;
    const id = await createNomination(hanam, { award: 'PM_CERTIFICATE', nomineeOrg: 'PROVINCE-35' });
    await submitWithDossier(hanam, id);
    await step(c.leader2023, id, 'RETURN', { reason: 'Bổ sung số liệu' });

    const today = new Date().toISOString().slice(0, 10);
    const merged = await c.admin.post(`/organizations/${orgId('PROVINCE-35')}/merge`, {
      successorId: orgId('PROVINCE-37'),
      effectiveDate: today,
    });
    expect(merged.status).toBe(201);
    expect(merged.body).toMatchObject({ active: false, successorId: orgId('PROVINCE-37') });

    // Ninh Bình's officer now sees Hà Nam's nomination and may continue it; Hà Nam's officer may only read.
    const ninhbinh = await person(t, 'ninhbinh.successor', 'NOMINATOR', 'PROVINCE-37');
    const seen = await ninhbinh.get(`/nominations/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['RESUBMIT', 'WITHDRAW']);
    expect((await hanam.get(`/nominations/${id}`)).body.allowedEvents).toEqual([]);
    const refused = await send(hanam, id, 'RESUBMIT');
    expect(refused.status).toBe(403);
    expect((await step(ninhbinh, id, 'RESUBMIT')).state).toBe('submitted');
    const history = await ninhbinh.get(`/nominations/${id}/history`);
    const orgs = history.body.entries.map(
      (e: { actor: { organization: { nameVi: string } | null } }) => e.actor.organization?.nameVi,
    );
    expect(orgs).toEqual(['Hà Nam', 'Hà Nam', 'Thái Bình', 'Ninh Bình']);
    expect(history.body.verified).toBe(true);
    // The merger is refused a second time, and cannot make a predecessor its own successor.
    expect(
      (
        await c.admin.post(`/organizations/${orgId('PROVINCE-35')}/merge`, {
          successorId: orgId('PROVINCE-37'),
          effectiveDate: today,
        })
      ).status,
    ).toBe(409);
  });

  it('lists what the caller may see, filtered, with cursor pagination', async () => {
    const all: string[] = [];
    for (let cursor: string | null = null, page = 0; page < 20; page++) {
      const res: { body: { items: { id: string; state: string }[]; nextCursor: string | null } } =
        await c.board.get(`/nominations?year=2023&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(all.length).toBeGreaterThanOrEqual(7);
    expect(new Set(all).size).toBe(all.length);
    const awarded = await c.board.get('/nominations?state=awarded');
    expect(awarded.body.items.map((i: { state: string }) => i.state)).toEqual(['awarded']);
    const search = await c.board.get(`/nominations?q=${encodeURIComponent('nam dinh')}`);
    expect(search.body.items.map((i: { nominee: { name: string } }) => i.nominee.name)).toEqual(['Nam Định']);
    // A province sees its own only.
    const own = await c.officers.namdinh.get('/nominations');
    expect(
      own.body.items.every(
        (i: { nominatingOrganization: { nameVi: string } }) => i.nominatingOrganization.nameVi === 'Nam Định',
      ),
    ).toBe(true);
    const foreign = await c.officers.vinhphuc.get('/nominations');
    expect(foreign.body.items).toEqual([]);
  });

  it('takes exceptional rewards by the short provincial route: 7 collectives and 11 individuals', async () => {
    const officer = c.officers.thaibinh;
    const departments: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const dept = await c.admin.post('/organizations', {
        code: `TB-UNIT-${i}`,
        kind: 'department',
        nameVi: `Đơn vị ${i} tỉnh Thái Bình`,
        nameEn: `Thai Binh unit ${i}`,
        parentId: orgId('PROVINCE-34'),
      });
      expect(dept.status).toBe(201);
      departments.push(dept.body.id);
    }
    const ids: string[] = [];
    for (const dept of departments) {
      ids.push(
        await createNomination(officer, {
          award: 'EXCEPTIONAL_REWARD',
          nomineeOrg: 'PROVINCE-34',
          cluster: false,
          year: new Date().getUTCFullYear(),
          nominee: { kind: 'collective', organizationId: dept },
        }),
      );
    }
    for (let i = 1; i <= 11; i++) {
      ids.push(
        await createNomination(officer, {
          award: 'EXCEPTIONAL_REWARD',
          nomineeOrg: 'PROVINCE-34',
          cluster: false,
          year: new Date().getUTCFullYear(),
          nominee: {
            kind: 'individual',
            organizationId: orgId('PROVINCE-34'),
            fullName: `Nguyễn Văn ${String.fromCharCode(64 + i)}`,
            gender: i % 2 ? 'male' : 'female',
            position: 'Chiến sĩ',
          },
        }),
      );
    }
    expect(ids).toHaveLength(18);
    // The simplified dossier: a proposal and a short summary; no vote, no cluster.
    const first = ids[0];
    const incomplete = await submitWithDossier(officer, first, ['proposal']).catch((e: Error) => e.message);
    expect(incomplete).toContain('NOMINATION.DOSSIER_INCOMPLETE');
    await officer.upload(first, 'summary', pdf('summary'));
    expect((await step(officer, first, 'SUBMIT')).state).toBe('submitted');
    expect((await step(c.approver, first, 'APPRAISAL_PASSED')).state).toBe('appraised');
    const decided = await step(c.approver, first, 'CHAIRMAN_DECIDED', {
      outcome: 'awarded',
      decisionNumber: '512/QĐ-UBND',
      decisionDate: '2024-03-13',
    });
    expect(decided).toMatchObject({ state: 'awarded', route: 'provincial' });
  });
});
