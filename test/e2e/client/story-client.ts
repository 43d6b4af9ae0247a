/**
 * The seed's story told by a client generated from the OpenAPI document: `paths` comes from openapi-typescript
 * (written beside this file by client.e2e.spec.ts), the calls from openapi-fetch. It must type-check against the
 * generated types, so an operation whose contract changes breaks it.
 */
import createClient from 'openapi-fetch';
import type { paths } from './api';

export interface StoryCast {
  /** An officer of Nam Định signs in with these. */
  officer: { email: string; password: string };
  clusterId: string;
  leader: string;
  board: string;
  secretary: string;
  pmOffice: string;
}

type Client = ReturnType<typeof createClient<paths>>;

const expectOk = <T>(what: string, result: { data?: T; error?: unknown; response: Response }): T => {
  if (result.data === undefined)
    throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
};

export async function tellStory(
  baseUrl: string,
  cast: StoryCast,
  passVote: (nominationId: string) => Promise<void>,
  pdf: (text: string) => Uint8Array,
): Promise<{ state: string; events: string[]; decisionNumber: string | undefined }> {
  const anonymous = createClient<paths>({ baseUrl });
  const session = expectOk(
    'signIn',
    await anonymous.POST('/auth/login', { body: cast.officer, headers: { 'accept-language': 'en' } }),
  );
  const as = (token: string): Client =>
    createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  if (!session.accessToken) throw new Error('signIn: no token');
  const officer = as(session.accessToken);
  const me = expectOk('getMe', await officer.GET('/me'));
  const organizationId: string = me.organization.id;

  const created = expectOk(
    'createNomination',
    await officer.POST('/nominations', {
      body: {
        awardType: 'GOVERNMENT_FLAG',
        year: 2023,
        clusterId: cast.clusterId,
        nominee: { kind: 'collective', organizationId },
        summary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
      },
    }),
  );
  const id: string = created.id;
  const upload = async (client: Client, kind: string) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([pdf(kind) as Uint8Array<ArrayBuffer>]), `${kind}.pdf`);
    expectOk(
      `upload ${kind}`,
      await client.POST('/nominations/{id}/documents', {
        params: { path: { id } },
        body: { kind, file: '' },
        bodySerializer: () => form,
      }),
    );
  };
  const send = async (
    client: Client,
    body: paths['/nominations/{id}/events']['post']['requestBody']['content']['application/json'],
  ) =>
    expectOk(
      `sendNominationEvent ${body.type}`,
      await client.POST('/nominations/{id}/events', { params: { path: { id } }, body }),
    );

  await upload(officer, 'proposal');
  await upload(officer, 'achievementReport');
  await send(officer, { type: 'SUBMIT' });
  const leader = as(cast.leader);
  await send(leader, { type: 'ACCEPT' });
  await passVote(id);
  await upload(leader, 'voteMinutes');
  await send(leader, { type: 'FORWARD' });
  await send(as(cast.board), { type: 'APPRAISAL_PASSED' });
  await send(as(cast.secretary), { type: 'COUNCIL_APPROVED' });
  const decided = await send(as(cast.pmOffice), {
    type: 'PM_DECIDED',
    payload: { outcome: 'awarded', decisionNumber: '1624/QĐ-TTg', decisionDate: '2024-10-14' },
  });
  const history = expectOk(
    'getNominationHistory',
    await officer.GET('/nominations/{id}/history', { params: { path: { id } } }),
  );
  const page = expectOk(
    'listNominations',
    await officer.GET('/nominations', { params: { query: { year: 2023, state: 'awarded' } } }),
  );
  if (!page.items.some((item) => item.id === id))
    throw new Error('listNominations: the awarded one is missing');
  return {
    state: decided.state,
    events: history.entries.map((entry) => entry.event),
    decisionNumber: decided.decision?.decisionNumber,
  };
}
