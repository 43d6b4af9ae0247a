export const ROLES = [
  'NOMINATOR',
  'PROVINCE_APPROVER',
  'CLUSTER_LEADER',
  'CLUSTER_VOTER',
  'CENTRAL_APPRAISER',
  'COUNCIL_MEMBER',
  'COUNCIL_SECRETARY',
  'PM_OFFICE',
  'PRESIDENT_OFFICE',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles of the central bodies: they see every organisation's nominations. */
export const CENTRAL_ROLES: readonly Role[] = [
  'CENTRAL_APPRAISER',
  'COUNCIL_MEMBER',
  'COUNCIL_SECRETARY',
  'PM_OFFICE',
  'PRESIDENT_OFFICE',
  'ADMIN',
];

export const isCentral = (role: Role): boolean => CENTRAL_ROLES.includes(role);

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  NOMINATOR: { vi: 'Đơn vị đề nghị', en: 'Nominating unit' },
  PROVINCE_APPROVER: { vi: 'Hội đồng TĐKT tỉnh / Chủ tịch UBND tỉnh', en: 'Provincial council / chairman' },
  CLUSTER_LEADER: { vi: 'Cụm trưởng, cụm phó', en: 'Cluster leader / deputy' },
  CLUSTER_VOTER: { vi: 'Thành viên cụm', en: 'Cluster member delegate' },
  CENTRAL_APPRAISER: {
    vi: 'Ban Thi đua – Khen thưởng Trung ương',
    en: 'Central Emulation and Commendation Board',
  },
  COUNCIL_MEMBER: { vi: 'Thành viên Hội đồng TĐKT Trung ương', en: 'Central Council member' },
  COUNCIL_SECRETARY: { vi: 'Thư ký Hội đồng TĐKT Trung ương', en: 'Central Council secretary' },
  PM_OFFICE: { vi: 'Văn phòng Chính phủ', en: 'Government Office' },
  PRESIDENT_OFFICE: { vi: 'Văn phòng Chủ tịch nước', en: 'Office of the President' },
  ADMIN: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};
