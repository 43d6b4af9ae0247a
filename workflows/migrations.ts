import type { Label } from './definition';

/** What a migration decides for one running instance: move it (with its context as the new version needs it), or leave it and why. */
export type MigrationPlan = { move: true; context: Record<string, unknown> } | { move: false; reason: Label };

/**
 * A tested migration between two versions of a machine: it moves a running instance only when its state exists
 * in both versions with an identical meaning; everything else finishes on the version it started with.
 */
export interface MachineMigration {
  machineId: string;
  from: number;
  to: number;
  plan(state: string, context: Record<string, unknown>): MigrationPlan;
}

const UNDER_APPRAISAL: Label = {
  vi: 'Ban đang thẩm định theo quy trình cũ: phiên bản mới đòi lý do bằng văn bản khi chấp nhận tiêu chí chưa đạt, không đổi quy tắc giữa chừng',
  en: 'The Board is appraising under the old rules: the new version asks a written reason to accept an unmet criterion, and rules do not change mid-appraisal',
};

/**
 * nomination@1 → nomination@2. Version 2 checks the award's standard at submission and the Board's acceptance,
 * and adds the President's decision (a new state and a new route; version 1 instances are never on that route).
 * - Before submission (draft, returned) and after appraisal (councilReview, pmProposal) a state means the same in
 *   both: the instance moves; a draft or returned nomination is checked against the standard when it is
 *   (re)submitted.
 * - Under appraisal (centralAppraisal, supplementRequested) the meaning of APPRAISAL_PASSED changes: left.
 * - In a vote (voting) the session sends its result to the version it opened on: left until certified.
 * - The rest (submitted, accepted, selected) are between submission and appraisal, and would meet the new
 *   acceptance rule at the Board without ever having been checked at submission: left too.
 */
export const nominationV1toV2: MachineMigration = {
  machineId: 'nomination',
  from: 1,
  to: 2,
  plan(state, context) {
    switch (state) {
      case 'draft':
      case 'returned':
      case 'councilReview':
      case 'pmProposal':
        return { move: true, context: { ...context } };
      case 'centralAppraisal':
      case 'supplementRequested':
        return { move: false, reason: UNDER_APPRAISAL };
      case 'voting':
        return {
          move: false,
          reason: {
            vi: 'Đang bỏ phiếu: phiên bỏ phiếu gửi kết quả cho phiên bản đã mở',
            en: 'In a vote: the session reports its result to the version it opened on',
          },
        };
      default:
        return {
          move: false,
          reason: {
            vi: 'Đã gửi trước khi có kiểm tra tiêu chuẩn: hoàn tất theo quy trình cũ',
            en: 'Submitted before standards were checked: finishes under the old version',
          },
        };
    }
  },
};

/**
 * provincialAward@1 → provincialAward@2. Version 2 checks the award's standard at submission and asks the
 * province's approver for a reason to pass an unmet warning criterion: a draft or returned nomination (checked at
 * its next submission) and one waiting for the chairman move; one under appraisal stays.
 */
export const provincialAwardV1toV2: MachineMigration = {
  machineId: 'provincialAward',
  from: 1,
  to: 2,
  plan(state, context) {
    if (state === 'submitted')
      return {
        move: false,
        reason: {
          vi: 'Hội đồng tỉnh đang thẩm định theo quy trình cũ: không đổi quy tắc giữa chừng',
          en: 'The provincial council is appraising under the old rules: rules do not change mid-appraisal',
        },
      };
    return { move: true, context: { ...context } };
  },
};

export const MACHINE_MIGRATIONS: readonly MachineMigration[] = [nominationV1toV2, provincialAwardV1toV2];

export function findMigration(machineId: string, from: number, to: number): MachineMigration | undefined {
  return MACHINE_MIGRATIONS.find((m) => m.machineId === machineId && m.from === from && m.to === to);
}
