import { DOCUMENT_KIND_CODES, DOCUMENT_KINDS } from '../../awards/document-kinds';
import { FILE_TYPES, TIE_BREAKS, type PolicyRules } from '../../awards/policy-rules';
import { flag, html, type SafeHtml } from '../html';
import { POLICY_MESSAGES } from '../policy-i18n';
import { TIE_BREAK_SLOTS } from '../policy-form';
import type { WebContext } from '../web-context';
import {
  fieldErrors,
  formatNumber,
  formatPercent,
  type FormState,
  inputField,
  rowsField,
  selectField,
  textareaField,
} from './components.view';

const DEADLINES = [
  'appraisalWorkingDays',
  'consultationWorkingDays',
  'consultedAnswerWorkingDays',
  'responseWorkingDays',
] as const;

/** The fields of an award policy's rules (named as `policy-form.ts` reads them). */
export function policyFields(ctx: WebContext, f: FormState): SafeHtml {
  const p = POLICY_MESSAGES[ctx.locale];
  const yesNo = [
    { value: 'yes', label: p.yes },
    { value: 'no', label: p.no },
  ];
  const choice = (name: string, label: string) =>
    selectField(f, { name: `rules.${name}`, label, required: true, options: yesNo });
  const share = (name: string, label: string, required = true) =>
    inputField(f, { name: `rules.${name}`, label, required, inputmode: 'decimal' });
  const whole = (name: string, label: string, required = true) =>
    inputField(f, { name: `rules.${name}`, label, required, type: 'number', min: '0', step: '1' });
  const ticked = f.values['rules.fileTypes'];
  const types = Array.isArray(ticked) ? ticked : ticked ? [ticked] : [];
  return html`${rowsField(f, {
    name: 'rules.dossier',
    legend: p.dossier,
    hint: p.dossierHint,
    minRows: 1,
    addLabel: p.addDocument,
    removeLabel: p.removeRow,
    columns: [
      {
        key: 'kind',
        label: p.kind,
        required: true,
        options: DOCUMENT_KIND_CODES.map((k) => ({ value: k, label: DOCUMENT_KINDS[k][ctx.locale] })),
      },
      { key: 'copies', label: p.copies, required: true, type: 'number', min: '1', max: '20' },
      {
        key: 'stage',
        label: p.stage,
        required: true,
        options: [
          { value: 'submission', label: p.stages.submission },
          { value: 'forwarding', label: p.stages.forwarding },
        ],
      },
    ],
  })}
    <fieldset>
      <legend>${p.vote}</legend>
      ${choice('vote.enabled', p.voteEnabled)}
      <div data-when="rules.vote.enabled" data-is="yes">
        ${share('vote.approvalShare', p.approvalShare)}
        ${selectField(f, {
          name: 'rules.vote.approvalBase',
          label: p.approvalBase,
          required: true,
          options: [
            { value: 'eligible', label: p.bases.eligible },
            { value: 'valid', label: p.bases.valid },
          ],
        })}
        ${choice('vote.strictlyMore', p.strictlyMore)} ${share('vote.quorumShare', p.quorumShare)}
        ${choice('vote.selfVote', p.selfVote)}
      </div>
    </fieldset>
    <fieldset>
      <legend>${p.quota}</legend>
      ${whole('quota.perCluster', p.perCluster, false)}
      ${whole('quota.perNominatingUnit', p.perNominatingUnit, false)}
      ${share('quota.shareOfEligible', p.shareOfEligible, false)}
    </fieldset>
    <fieldset>
      <legend>${p.tieBreak}</legend>
      ${Array.from({ length: TIE_BREAK_SLOTS }, (_, i) =>
        selectField(f, {
          name: `rules.tieBreak.${i}`,
          label: p.tieBreakSlot(i + 1),
          empty: '—',
          options: TIE_BREAKS.map((t) => ({ value: t, label: p.tieBreaks[t] })),
        }),
      )}
      ${fieldErrors(f, 'rules.tieBreak')}
    </fieldset>
    <fieldset>
      <legend>${p.deadlines}</legend>
      ${DEADLINES.map((d) => whole(`deadlines.${d}`, p[d]))} ${share('deadlines.reminderShare', p.reminderShare)}
      ${choice('deadlines.lapseOnExpiry', p.lapseOnExpiry)}
    </fieldset>
    <fieldset>
      <legend>${p.other}</legend>
      ${whole('publicityWorkingDays', p.publicityWorkingDays)}
      ${inputField(f, { name: 'rules.prizeMultiple', label: p.prizeMultiple, inputmode: 'decimal' })}
      ${choice('groundsForHigherAwards', p.groundsForHigherAwards)}
      <fieldset class="checks" aria-describedby="${f.errors['rules.fileTypes'] ? 'err-rules-fileTypes' : ''}">
        <legend>${p.fileTypes}</legend>
        ${FILE_TYPES.map(
          (t) =>
            html`<label class="check"
              ><input
                type="checkbox"
                name="rules.fileTypes"
                value="${t}"
                ${flag('checked', types.includes(t))}
              />
              ${t.toUpperCase()}</label
            >`,
        )}
        ${fieldErrors(f, 'rules.fileTypes')}
      </fieldset>
    </fieldset>
    <details${flag('open', !!f.errors['rules.standard'])}>
      <summary>${p.standard}</summary>
      ${textareaField(f, { name: 'rules.standard', label: p.standard, hint: p.standardHint, rows: 12 })}
    </details>`;
}

/** A policy version's rules in words, for the list of versions. */
export function policySummary(ctx: WebContext, rules: PolicyRules): SafeHtml {
  const p = POLICY_MESSAGES[ctx.locale];
  const { locale } = ctx;
  const count = (n: number | null | undefined) => (n === null || n === undefined ? p.noLimit : String(n));
  const standard = rules.standard;
  const criteria = standard ? (standard.individual?.length ?? 0) + (standard.collective?.length ?? 0) : 0;
  return html`<dl class="facts">
    <dt>${p.dossier}</dt>
    <dd>
      ${rules.dossier
        .map((d) => `${DOCUMENT_KINDS[d.kind][locale]} (${d.copies}, ${p.stages[d.stage].toLowerCase()})`)
        .join('; ')}
    </dd>
    <dt>${p.vote}</dt>
    <dd>
      ${
        rules.vote
          ? `${formatPercent(rules.vote.approvalShare, locale)} ${p.bases[rules.vote.approvalBase].toLowerCase()}${
              rules.vote.strictlyMore ? ' (>)' : ''
            }; ${p.quorumShort}: ${formatPercent(rules.vote.quorumShare, locale)}`
          : p.noVote
      }
    </dd>
    <dt>${p.quota}</dt>
    <dd>
      ${p.perClusterShort}: ${count(rules.quota.perCluster)}; ${p.perUnitShort}:
      ${count(rules.quota.perNominatingUnit)}
    </dd>
    <dt>${p.tieBreak}</dt>
    <dd>${rules.tieBreak.map((t) => p.tieBreaks[t]).join(' → ') || '—'}</dd>
    <dt>${p.deadlines}</dt>
    <dd>${DEADLINES.map((d) => `${p[d]}: ${rules.deadlines[d]}`).join('; ')}</dd>
    <dt>${p.prizeShort}</dt>
    <dd>${rules.prizeMultiple === null ? '—' : formatNumber(rules.prizeMultiple, 1, locale)}</dd>
    <dt>${p.fileTypes}</dt>
    <dd>${rules.fileTypes ? rules.fileTypes.map((t) => t.toUpperCase()).join(', ') : p.all}</dd>
    ${
      standard &&
      html`<dt>${p.standardShort}</dt>
        <dd>${p.criteria(criteria)} (${standard.verified ? p.verified : p.unverified})</dd>`
    }
  </dl>`;
}
