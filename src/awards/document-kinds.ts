/** Kinds of dossier documents (hồ sơ), as the award policies name them. */
export const DOCUMENT_KINDS = {
  proposal: { vi: 'Tờ trình đề nghị', en: 'Proposal' },
  achievementReport: { vi: 'Báo cáo thành tích', en: 'Achievement report' },
  summary: { vi: 'Tóm tắt thành tích', en: 'Short summary of the achievement' },
  voteMinutes: { vi: 'Biên bản họp bình xét', en: 'Minutes of the vote' },
  ballotResults: { vi: 'Kết quả bỏ phiếu kín', en: 'Secret-ballot results' },
  consultation: { vi: 'Ý kiến hiệp y', en: 'Consultation opinion' },
  decision: { vi: 'Quyết định khen thưởng', en: 'Award decision' },
  clusterProposal: { vi: 'Tờ trình của Cụm thi đua', en: "The cluster's proposal" },
  boardSubmission: {
    vi: 'Danh sách đề nghị của Ban TĐKT Trung ương',
    en: "The Board's list for the Prime Minister",
  },
  other: { vi: 'Tài liệu khác', en: 'Other document' },
} as const;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_CODES = Object.keys(DOCUMENT_KINDS) as DocumentKind[];
