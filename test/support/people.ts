import { referenceId } from '../../migrations/1764150000001-reference-data';
import type { Role } from '../../src/auth/roles';
import { UsersService } from '../../src/auth/users.service';
import type { TestApp } from './app';
import { Http } from './http';

export const orgId = (code: string) => referenceId('org', code);
export const CLUSTER = orgId('CLUSTER-RRD');
export const PASSWORD = 'correct horse battery staple';

export const PROVINCES = {
  thaibinh: 'PROVINCE-34',
  bacninh: 'PROVINCE-27',
  haiduong: 'PROVINCE-30',
  namdinh: 'PROVINCE-36',
  hungyen: 'PROVINCE-33',
  quangninh: 'PROVINCE-22',
  ninhbinh: 'PROVINCE-37',
  hanam: 'PROVINCE-35',
  vinhphuc: 'PROVINCE-26',
} as const;
export type Province = keyof typeof PROVINCES;

/** Creates a user with a known password and returns an HTTP client signed in as them. */
export async function person(
  t: TestApp,
  name: string,
  role: Role,
  orgCode: string,
): Promise<Http & { userId: string }> {
  const users = t.get(UsersService);
  const email = `${name}@test.thidua.vn`;
  const existing = await users.findByEmail(email);
  const id =
    existing?.id ??
    (await users.create({ email, fullName: name, role, organizationId: orgId(orgCode), password: PASSWORD }))
      .user.id;
  const login = await new Http(t.url).post<{ accessToken: string }>('/auth/login', {
    email,
    password: PASSWORD,
  });
  if (login.status !== 200)
    throw new Error(`login of ${email} failed: ${login.status} ${JSON.stringify(login.body)}`);
  return Object.assign(new Http(t.url, login.body.accessToken), { userId: id });
}

/** The cast of the seed's story: an officer and a voter per province, the cluster leadership and the centre. */
export async function cast(t: TestApp) {
  const officers = {} as Record<Province, Http>;
  for (const [slug, code] of Object.entries(PROVINCES))
    officers[slug as Province] = await person(t, `${slug}.officer`, 'NOMINATOR', code);
  return {
    officers,
    leader2023: await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34'),
    leader2024: await person(t, 'namdinh.leader', 'CLUSTER_LEADER', 'PROVINCE-36'),
    approver: await person(t, 'thaibinh.approver', 'PROVINCE_APPROVER', 'PROVINCE-34'),
    board: await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD'),
    secretary: await person(t, 'council.secretary', 'COUNCIL_SECRETARY', 'COUNCIL'),
    councilMember: await person(t, 'council.member', 'COUNCIL_MEMBER', 'COUNCIL'),
    pmOffice: await person(t, 'pm.office', 'PM_OFFICE', 'GOVERNMENT_OFFICE'),
    admin: await person(t, 'admin', 'ADMIN', 'MOHA'),
    anonymous: new Http(t.url),
  };
}
export type Cast = Awaited<ReturnType<typeof cast>>;
