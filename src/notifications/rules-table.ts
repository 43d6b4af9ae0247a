import { NOTIFICATION_RULES, type RecipientRule } from './recipients';

const AUDIENCE: Record<string, string> = {
  nominator: 'the nominating unit',
  candidates: "the candidates' units",
  clusterLeadership: 'the cluster leadership of the year',
  clusterVoters: "the cluster's voters",
  clusterMembers: "the cluster's members (provincial approvers)",
  provinceApprover: "the province's approver",
  board: 'the Central Board',
  councilSecretariat: "the Council's secretary",
  pmOffice: 'the Government Office',
  whoMustAct: 'whoever must act next (from the access table)',
};

const who = (r: RecipientRule) => AUDIENCE[r.audience];

/** The "who is told what" table as Markdown, generated from NOTIFICATION_RULES for the README. */
export function notificationRulesMarkdown(): string {
  const rows = Object.entries(NOTIFICATION_RULES).map(
    ([template, rule]) =>
      `| \`${template}\` | ${rule.to.map(who).join('; ')} | ${rule.channels.join(', ')} | ${rule.title.vi} |`,
  );
  return [
    '| Template | Who is told | Channels | Title (vi; en in the user’s language) |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
