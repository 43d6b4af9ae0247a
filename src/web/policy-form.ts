import { FILE_TYPES, type PolicyRules } from '../awards/policy-rules';
import { type FormBody, many, numeric, one, rowsOf, withoutPercentSign } from './web-form';

/**
 * An award policy's rules as the fields of a form, and back. Every field is named by its path in the rules
 * (`rules.vote.quorumShare`, `rules.dossier.0.kind`), so that the API's own validation puts each problem next
 * to its field. Shares are entered as percentages; the standard, written in the rule language, stays JSON (the
 * "advanced" box): no form can express its nested rules.
 */
export const DOSSIER_KEYS = ['kind', 'copies', 'stage'];
export const TIE_BREAK_SLOTS = 3;
const DEADLINES = [
  'appraisalWorkingDays',
  'consultationWorkingDays',
  'consultedAnswerWorkingDays',
  'responseWorkingDays',
] as const;

/**
 * A share as a percentage, by moving the decimal point in the share's own digits (0.6666666666666666 →
 * 66.66666666666666), so that the percentage read back is exactly the share: arithmetic would round.
 */
export function percentText(share: number): string {
  const text = String(share);
  if (!/^\d+(\.\d+)?$/.test(text)) return String(share * 100);
  const [whole, fraction = ''] = text.split('.');
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const point = whole.length + 2;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${integer},${rest}` : integer;
}

/** A percentage typed with a comma or a point (`66,7`, `66.7 %`) as a share; the text itself when not a number. */
export function shareOf(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const cleaned = withoutPercentSign(text).replace(',', '.');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return text;
  const whole = match[1].padStart(3, '0');
  return Number(`${whole.slice(0, -2)}.${whole.slice(-2)}${match[2] ?? ''}`);
}

const yesNo = (text: string | undefined) => (text === 'yes' ? true : text === 'no' ? false : text);
const orNull = <T>(text: string | undefined, parse: (t: string) => T): T | null =>
  text === undefined ? null : parse(text);

/** The rules a submitted form describes, and where each dossier row was on the page. */
export function rulesFromForm(body: FormBody): {
  rules: Record<string, unknown>;
  dossierAt: number[];
  standardUnreadable: boolean;
} {
  const field = (name: string) => one(body, `rules.${name}`);
  const { rows, at } = rowsOf(body, 'rules.dossier', DOSSIER_KEYS);
  const vote =
    field('vote.enabled') === 'yes'
      ? {
          approvalShare: shareOf(field('vote.approvalShare')),
          approvalBase: field('vote.approvalBase'),
          strictlyMore: yesNo(field('vote.strictlyMore')),
          quorumShare: shareOf(field('vote.quorumShare')),
          selfVote: yesNo(field('vote.selfVote')),
        }
      : null;
  const tieBreak = Array.from({ length: TIE_BREAK_SLOTS }, (_, i) => field(`tieBreak.${i}`)).filter(
    (t): t is string => t !== undefined,
  );
  const fileTypes = many(body, 'rules.fileTypes');
  let standard: unknown;
  let standardUnreadable = false;
  const standardText = field('standard');
  if (standardText !== undefined) {
    try {
      standard = JSON.parse(standardText);
    } catch {
      standardUnreadable = true;
    }
  }
  const rules: Record<string, unknown> = {
    dossier: rows.map((r) => ({ kind: r.kind, copies: numeric(r.copies), stage: r.stage })),
    vote,
    quota: {
      perCluster: orNull(field('quota.perCluster'), numeric),
      perNominatingUnit: orNull(field('quota.perNominatingUnit'), numeric),
      shareOfEligible: orNull(field('quota.shareOfEligible'), shareOf),
    },
    tieBreak,
    deadlines: {
      ...Object.fromEntries(DEADLINES.map((d) => [d, numeric(field(`deadlines.${d}`))])),
      reminderShare: shareOf(field('deadlines.reminderShare')),
      lapseOnExpiry: yesNo(field('deadlines.lapseOnExpiry')),
    },
    publicityWorkingDays: numeric(field('publicityWorkingDays')),
    prizeMultiple: orNull(field('prizeMultiple'), numeric),
    groundsForHigherAwards: yesNo(field('groundsForHigherAwards')),
    // Every kind ticked is the same as no list: the policy then takes whatever kinds the service accepts.
    ...(fileTypes.length === FILE_TYPES.length && FILE_TYPES.every((t) => fileTypes.includes(t))
      ? {}
      : { fileTypes }),
    ...(standard !== undefined && standard !== null ? { standard } : {}),
  };
  return { rules, dossierAt: at, standardUnreadable };
}

/** The form's fields for these rules (the latest version's, to start a new version from). */
export function formOfRules(rules: PolicyRules | null): FormBody {
  if (!rules) return { 'rules.vote.enabled': 'no' };
  const values: FormBody = {};
  const set = (name: string, value: string | number | boolean | null | undefined) => {
    if (value === null || value === undefined) return;
    values[`rules.${name}`] = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  };
  rules.dossier.forEach((d, i) => {
    set(`dossier.${i}.kind`, d.kind);
    set(`dossier.${i}.copies`, d.copies);
    set(`dossier.${i}.stage`, d.stage);
  });
  set('vote.enabled', !!rules.vote);
  if (rules.vote) {
    set('vote.approvalShare', percentText(rules.vote.approvalShare));
    set('vote.approvalBase', rules.vote.approvalBase);
    set('vote.strictlyMore', rules.vote.strictlyMore);
    set('vote.quorumShare', percentText(rules.vote.quorumShare));
    set('vote.selfVote', rules.vote.selfVote);
  }
  set('quota.perCluster', rules.quota.perCluster);
  set('quota.perNominatingUnit', rules.quota.perNominatingUnit);
  if (rules.quota.shareOfEligible !== null && rules.quota.shareOfEligible !== undefined)
    set('quota.shareOfEligible', percentText(rules.quota.shareOfEligible));
  rules.tieBreak.forEach((t, i) => set(`tieBreak.${i}`, t));
  for (const d of DEADLINES) set(`deadlines.${d}`, rules.deadlines[d]);
  set('deadlines.reminderShare', percentText(rules.deadlines.reminderShare));
  set('deadlines.lapseOnExpiry', rules.deadlines.lapseOnExpiry);
  set('publicityWorkingDays', rules.publicityWorkingDays);
  set('prizeMultiple', rules.prizeMultiple === null ? null : String(rules.prizeMultiple).replace('.', ','));
  set('groundsForHigherAwards', rules.groundsForHigherAwards);
  values['rules.fileTypes'] = rules.fileTypes ?? [...FILE_TYPES];
  if (rules.standard) values['rules.standard'] = JSON.stringify(rules.standard, null, 2);
  return values;
}
