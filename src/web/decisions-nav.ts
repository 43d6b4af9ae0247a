/** Which decisions a role records on the decisions page. */
export type DecisionPageKind = 'primeMinister' | 'council';

/** The main menu's entry of the page, for the roles that record decisions. */
export const decisionsNavLabel = (locale: 'vi' | 'en', kind: DecisionPageKind) =>
  kind === 'primeMinister'
    ? locale === 'en'
      ? 'Decisions'
      : 'Ghi nhận quyết định'
    : locale === 'en'
      ? 'Council outcomes'
      : 'Kết quả Hội đồng';
