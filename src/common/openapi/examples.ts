/** Examples of the main operations' requests and answers, by operation id (shown in /docs and generated clients). */
const nomination = {
  id: '5b64065d-5f6a-47b7-953a-34340701c610',
  dossierNumber: '2023-CTCP-0001',
  awardType: {
    code: 'GOVERNMENT_FLAG',
    nameVi: 'Cờ thi đua của Chính phủ',
    nameEn: 'Government Emulation Flag',
  },
  year: 2023,
  route: 'cluster',
  clusterId: '2fe0f305-5d9c-549a-aee1-b57c87062d36',
  cluster: {
    id: '2fe0f305-5d9c-549a-aee1-b57c87062d36',
    nameVi: 'Cụm thi đua các tỉnh Đồng bằng sông Hồng',
    nameEn: 'Emulation cluster of the Red River Delta provinces',
  },
  nominatingOrganization: {
    id: '1e51c04a-2243-59c0-ae85-e702d36bff29',
    code: 'PROVINCE-36',
    nameVi: 'Nam Định',
    nameEn: 'Nam Dinh',
    active: true,
    successor: null,
  },
  nominee: {
    kind: 'collective',
    organizationId: '1e51c04a-2243-59c0-ae85-e702d36bff29',
    name: 'Nam Định',
    personId: null,
    gender: null,
    position: null,
    femaleShare: null,
  },
  summary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
  state: 'submitted',
  stateLabel: { vi: 'Chờ duyệt', en: 'Waiting for approval' },
  status: 'active',
  version: 2,
  machineVersion: 2,
  allowedEvents: [{ type: 'WITHDRAW', label: { vi: 'Rút hồ sơ', en: 'Withdraw' }, needs: ['reason'] }],
  dueAt: null,
  dueProvisional: false,
  overdue: false,
  policy: { id: '2e61e1b3-24a7-5eff-a705-b4258af3e165', version: 2, effectiveFrom: '2025-07-01' },
  lastReason: null,
  vote: null,
  decision: null,
  createdAt: '2023-11-20T02:15:00.000Z',
  updatedAt: '2023-11-21T03:40:00.000Z',
  submittedAt: '2023-11-21T03:40:00.000Z',
  decidedAt: null,
};

export const EXAMPLES: Record<string, { request?: unknown; response?: unknown }> = {
  signIn: { request: { email: 'thaibinh.officer@thidua.gov.vn', password: 'mật-khẩu-của-bạn' } },
  createNomination: {
    request: {
      awardType: 'GOVERNMENT_FLAG',
      year: 2023,
      clusterId: '2fe0f305-5d9c-549a-aee1-b57c87062d36',
      nominee: { kind: 'collective', organizationId: '1e51c04a-2243-59c0-ae85-e702d36bff29' },
      summary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
    },
  },
  sendNominationEvent: { request: { type: 'SUBMIT' }, response: nomination },
  getNomination: { response: nomination },
  castBallot: {
    request: {
      choices: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: ['5b64065d-5f6a-47b7-953a-34340701c610'] }],
    },
  },
};
