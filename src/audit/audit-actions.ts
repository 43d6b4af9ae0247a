/**
 * Every administrative act the audit log records, with the words an administrator reads. A new act is added here
 * first: `AuditService.record` accepts no other.
 */
export const AUDIT_ACTIONS = {
  'user.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'user.update': { vi: 'Sửa tài khoản (vai trò, đơn vị, họ tên)', en: 'Account changed (role, unit, name)' },
  'user.lock': { vi: 'Khoá tài khoản', en: 'Account locked' },
  'user.unlock': { vi: 'Mở khoá tài khoản', en: 'Account unlocked' },
  'user.password.change': { vi: 'Tự đổi mật khẩu', en: 'Password changed by its owner' },
  'user.password.reset.issue': { vi: 'Cấp liên kết đặt lại mật khẩu', en: 'Password reset link issued' },
  'user.password.reset.use': { vi: 'Đặt lại mật khẩu bằng liên kết', en: 'Password reset by link' },
  'user.sessions.revoke': { vi: 'Thu hồi phiên đăng nhập', en: 'Sessions revoked' },
  'admin.bootstrap': { vi: 'Tạo quản trị viên đầu tiên', en: 'First administrator created' },
  'cluster.members.set': { vi: 'Đặt thành viên cụm theo năm', en: 'Cluster members set for a year' },
  'cluster.leadership.install': {
    vi: 'Bầu ban lãnh đạo cụm (cụm trưởng, cụm phó)',
    en: 'Cluster leadership installed',
  },
  'cluster.leadership.change': { vi: 'Thay đổi ban lãnh đạo cụm', en: 'Cluster leadership changed' },
  'organization.create': { vi: 'Tạo đơn vị', en: 'Organisation created' },
  'organization.merge': { vi: 'Sáp nhập đơn vị', en: 'Organisations merged' },
  'calendar.day.set': { vi: 'Sửa lịch ngày nghỉ, ngày làm việc', en: 'Calendar day set' },
  'calendar.day.remove': { vi: 'Xoá một ngày khỏi lịch', en: 'Calendar day removed' },
  'calendar.year.confirm': { vi: 'Xác nhận lịch nghỉ của năm', en: 'Year schedule confirmed' },
  'award.policy.create': {
    vi: 'Ban hành phiên bản chính sách khen thưởng',
    en: 'Award policy version created',
  },
  'person.merge': { vi: 'Gộp hồ sơ cá nhân trùng', en: 'Duplicate persons merged' },
  'register.import': { vi: 'Nhập sổ khen thưởng từ tệp', en: 'Award register imported' },
  'register.revoke': {
    vi: 'Hủy bỏ quyết định khen thưởng trong sổ',
    en: 'Register entry revoked',
  },
  'workflow.migrate': {
    vi: 'Chuyển hồ sơ đang xử lý sang phiên bản quy trình mới',
    en: 'Running instances migrated to a new machine version',
  },
  'meeting.record': {
    vi: 'Ghi nhận cuộc họp (hội nghị cụm, phiên họp Hội đồng)',
    en: 'Meeting recorded (cluster conference, Council session)',
  },
  'decision.record': {
    vi: 'Ghi nhận quyết định cho nhiều hồ sơ',
    en: 'Decision recorded for several nominations',
  },
  'queue.action': { vi: 'Thao tác trên hàng đợi', en: 'Queue action' },
  'webhook.create': { vi: 'Đăng ký webhook', en: 'Webhook registered' },
  'webhook.update': { vi: 'Bật/tắt webhook', en: 'Webhook switched on/off' },
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (value: string): value is AuditAction => value in AUDIT_ACTIONS;
