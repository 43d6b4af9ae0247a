import { SYSTEM_ACTOR } from '../../src/engine/actor';
import { demoPdf } from '../../src/seed/demo-pdf';
import type { TestApp } from './app';
import type { Http } from './http';
import { CLUSTER, orgId } from './people';

export const pdf = (text = 'dossier') => demoPdf(text);

export async function createNomination(
  officer: Http,
  input: {
    award: string;
    nomineeOrg: string;
    year?: number;
    cluster?: boolean;
    summary?: string;
    nominee?: Record<string, unknown>;
  },
): Promise<string> {
  const res = await officer.post('/nominations', {
    awardType: input.award,
    year: input.year ?? 2023,
    ...(input.cluster === false ? {} : { clusterId: CLUSTER }),
    nominee: input.nominee ?? { kind: 'collective', organizationId: orgId(input.nomineeOrg) },
    summary: input.summary ?? 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function send(
  client: Http,
  id: string,
  type: string,
  payload?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  return client.post(`/nominations/${id}/events`, payload ? { type, payload } : { type }, headers);
}

/** Sends an event and fails the test with the answer when it is not accepted. */
export async function step(client: Http, id: string, type: string, payload?: Record<string, unknown>) {
  const res = await send(client, id, type, payload);
  if (res.status !== 200) throw new Error(`${type} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function submitWithDossier(
  officer: Http,
  id: string,
  kinds = ['proposal', 'achievementReport'],
) {
  for (const kind of kinds) {
    const res = await officer.upload(id, kind, pdf(kind));
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return step(officer, id, 'SUBMIT');
}

/**
 * From today, the award's policy checks no standard: for tests about recording and routing, whose nominees are new
 * people without titles in the register (the standards have their own tests).
 */
export async function policyWithoutStandard(admin: Http, award = 'NATIONAL_EMULATION_FIGHTER') {
  const current = (await admin.get(`/award-types/${award}`)).body.policy;
  const { standard, ...rules } = current.rules as Record<string, unknown>;
  void standard;
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const added = await admin.post(`/award-types/${award}/policies`, {
    effectiveFrom: today,
    source: 'Thử nghiệm: không đối chiếu tiêu chuẩn',
    rules,
  });
  if (added.status !== 201) throw new Error(`policy: ${added.status} ${JSON.stringify(added.body)}`);
}

/**
 * A National Emulation Fighter of the officer's province on the direct route, through the Board's appraisal: it
 * waits for the Council.
 */
export async function appraisedFighter(
  people: { officer: Http; approver: Http; board: Http },
  province: string,
  fullName: string,
): Promise<string> {
  const id = await createNomination(people.officer, {
    award: 'NATIONAL_EMULATION_FIGHTER',
    nomineeOrg: province,
    cluster: false,
    nominee: {
      kind: 'individual',
      organizationId: orgId(province),
      fullName,
      gender: 'female',
      position: 'Giáo viên',
    },
  });
  await submitWithDossier(people.officer, id);
  await step(people.approver, id, 'ACCEPT');
  await step(people.approver, id, 'FORWARD');
  await step(people.board, id, 'APPRAISAL_PASSED');
  return id;
}

/** What the voting session will send once the vote is certified (until then, the system actor sends it). */
export async function passVote(t: TestApp, id: string, figures = { approvals: 7, share: 7 / 9, rank: 1 }) {
  await t.engine.send(id, { type: 'VOTE_OPENED', sessionId: 'test-session' }, { actor: SYSTEM_ACTOR });
  await t.engine.send(
    id,
    { type: 'VOTE_PASSED', sessionId: 'test-session', ...figures },
    { actor: SYSTEM_ACTOR },
  );
}

/** Records the cluster's conference (by its leadership) and returns its id: voting sessions belong to one. */
export async function conference(
  leader: Http,
  input: { year?: number; heldOn?: string; place?: string; venue?: string; present?: string[] } = {},
): Promise<string> {
  const res = await leader.post('/meetings', {
    kind: 'clusterConference',
    organizationId: CLUSTER,
    year: input.year ?? 2023,
    heldOn: input.heldOn ?? '2024-03-13',
    startsAt: '08:30',
    place: input.place ?? 'Thái Bình',
    venue: input.venue ?? 'Hội trường Ủy ban nhân dân tỉnh Thái Bình',
    chair: { name: 'Lại Văn Hoàn', function: 'Phó Chủ tịch UBND tỉnh Thái Bình, Cụm trưởng' },
    secretary: { name: 'Nguyễn Thị Hoa', function: 'Trưởng ban Thi đua – Khen thưởng tỉnh Thái Bình' },
    ...(input.present ? { presentOrganizationIds: input.present } : {}),
  });
  if (res.status !== 201) throw new Error(`conference failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A session of the Central Council recorded by its secretary (held in Hà Nội on 20 September 2024 by default). */
export async function councilSession(secretary: Http, input: { heldOn?: string; absent?: string[] } = {}) {
  const res = await secretary.post('/meetings', {
    kind: 'councilSession',
    organizationId: orgId('COUNCIL'),
    year: 2023,
    heldOn: input.heldOn ?? '2024-09-20',
    place: 'Hà Nội',
    chair: { name: 'Chủ tịch Hội đồng', function: 'Thủ tướng Chính phủ' },
    secretary: { name: 'Thư ký Hội đồng', function: 'Trưởng ban Thi đua – Khen thưởng Trung ương' },
    presentMembers: ['Thành viên A', 'Thành viên B'],
    absentMembers: input.absent ?? [],
  });
  if (res.status !== 201)
    throw new Error(`council session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
