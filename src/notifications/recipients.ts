import type { Role } from '../auth/roles';

/**
 * Whom a notification is for, relative to its subject: the nominating unit, the cluster's leadership, the
 * province's approvers, the cluster's voters, or a central body.
 */
export type Audience =
  | 'nominator'
  | 'candidates'
  | 'clusterLeadership'
  | 'provinceApprover'
  | 'clusterVoters'
  | 'clusterMembers'
  | 'board'
  | 'councilSecretariat'
  | 'pmOffice'
  | 'whoMustAct';

export interface RecipientRule {
  role?: Role;
  audience: Audience;
}

export type Channel = 'inbox' | 'email' | 'webhook';

export interface TemplateRule {
  to: RecipientRule[];
  channels: Channel[];
  title: { vi: string; en: string };
}

/**
 * Who is told what: for every notify effect of every machine, who receives it and on which channels. The
 * README's table is this one. `{subject}` is the nomination or session title, `{state}` its new state.
 */
export const NOTIFICATION_RULES: Record<string, TemplateRule> = {
  'nomination.submitted': {
    to: [{ audience: 'whoMustAct' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Hồ sơ mới chờ duyệt: {subject}', en: 'New nomination waiting for approval: {subject}' },
  },
  'nomination.returned': {
    to: [{ audience: 'nominator' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Hồ sơ bị trả lại: {subject}', en: 'Nomination returned: {subject}' },
  },
  'nomination.accepted': {
    to: [{ audience: 'nominator' }],
    channels: ['inbox', 'webhook'],
    title: { vi: 'Hồ sơ đã được tiếp nhận: {subject}', en: 'Nomination accepted: {subject}' },
  },
  'nomination.forwarded': {
    to: [{ audience: 'board' }, { audience: 'nominator' }],
    channels: ['inbox', 'email', 'webhook'],
    title: {
      vi: 'Hồ sơ trình Ban Thi đua – Khen thưởng Trung ương: {subject}',
      en: 'Forwarded to the Central Board: {subject}',
    },
  },
  'nomination.supplementRequested': {
    to: [{ audience: 'nominator' }, { audience: 'clusterLeadership' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Yêu cầu bổ sung hồ sơ: {subject}', en: 'Supplement requested: {subject}' },
  },
  'nomination.supplemented': {
    to: [{ audience: 'board' }],
    channels: ['inbox', 'email'],
    title: { vi: 'Hồ sơ đã được bổ sung: {subject}', en: 'Supplement received: {subject}' },
  },
  'nomination.appraisalPassed': {
    to: [{ audience: 'councilSecretariat' }, { audience: 'nominator' }],
    channels: ['inbox', 'email', 'webhook'],
    title: {
      vi: 'Thẩm định đạt, chờ Hội đồng xét: {subject}',
      en: 'Appraisal passed, waiting for the council: {subject}',
    },
  },
  'nomination.councilApproved': {
    to: [{ audience: 'pmOffice' }, { audience: 'nominator' }],
    channels: ['inbox', 'email', 'webhook'],
    title: {
      vi: 'Hội đồng nhất trí trình Thủ tướng: {subject}',
      en: 'The council proposes to the Prime Minister: {subject}',
    },
  },
  'nomination.pmProposed': {
    to: [{ audience: 'whoMustAct' }, { audience: 'nominator' }],
    channels: ['inbox', 'email', 'webhook'],
    title: {
      vi: 'Thủ tướng Chính phủ trình Chủ tịch nước: {subject}',
      en: 'The Prime Minister proposes to the President: {subject}',
    },
  },
  'nomination.rejected': {
    to: [{ audience: 'nominator' }, { audience: 'clusterLeadership' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Hồ sơ không được chấp thuận: {subject}', en: 'Nomination rejected: {subject}' },
  },
  'nomination.decided': {
    to: [{ audience: 'nominator' }, { audience: 'clusterLeadership' }, { audience: 'board' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Đã có quyết định: {subject} – {state}', en: 'Decision recorded: {subject} – {state}' },
  },
  'nomination.overdue': {
    to: [{ audience: 'whoMustAct' }, { audience: 'provinceApprover', role: 'PROVINCE_APPROVER' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Quá hạn xử lý: {subject}', en: 'Overdue: {subject}' },
  },
  'nomination.lapsed': {
    to: [{ audience: 'nominator' }],
    channels: ['inbox', 'email'],
    title: {
      vi: 'Hồ sơ hết hạn trả lời, đã rút: {subject}',
      en: 'No answer within the limit, withdrawn: {subject}',
    },
  },
  'vote.opened': {
    to: [{ audience: 'clusterVoters' }, { audience: 'candidates' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Mở bỏ phiếu bình xét: {subject}', en: 'Voting is open: {subject}' },
  },
  'vote.runoff': {
    to: [{ audience: 'clusterVoters' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Bỏ phiếu lại giữa các đơn vị bằng phiếu: {subject}', en: 'Run-off round open: {subject}' },
  },
  'vote.noQuorum': {
    to: [{ audience: 'clusterLeadership' }, { audience: 'candidates' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Phiên bỏ phiếu không đủ số đại biểu: {subject}', en: 'No quorum: {subject}' },
  },
  'vote.certified': {
    to: [{ audience: 'candidates' }, { audience: 'board' }, { audience: 'clusterVoters' }],
    channels: ['inbox', 'email', 'webhook'],
    title: { vi: 'Đã công nhận kết quả bình xét: {subject}', en: 'Vote result certified: {subject}' },
  },
  'agreement.inForce': {
    to: [{ audience: 'clusterLeadership' }, { audience: 'clusterMembers' }],
    channels: ['inbox', 'webhook'],
    title: { vi: 'Giao ước thi đua có hiệu lực: {subject}', en: 'Emulation agreement in force: {subject}' },
  },
  'nomination.reminder': {
    to: [{ audience: 'whoMustAct' }],
    channels: ['inbox', 'email'],
    title: { vi: 'Sắp đến hạn xử lý: {subject}', en: 'Deadline approaching: {subject}' },
  },
};
