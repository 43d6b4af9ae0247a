import { contentToDocx, contentToPdf, percent, vietnameseDate } from '../documents/official-documents';

export interface MinutesData {
  clusterName: string;
  year: number;
  certifiedAt: Date;
  eligible: string[];
  rounds: { round: number; voted: string[]; ballots: number }[];
  items: {
    awardName: string;
    quota: number;
    candidates: {
      name: string;
      nominatingUnit: string;
      approvals: number;
      share: number;
      rank: number;
      selected: boolean;
      note: string;
    }[];
  }[];
}

/** The minutes of the vote (biên bản họp bình xét, kết quả bỏ phiếu kín), in Vietnamese. */
export function minutesContent(m: MinutesData) {
  return {
    title: `Biên bản họp bình xét, suy tôn thi đua năm ${m.year}`,
    issuer: m.clusterName,
    place: vietnameseDate(m.certifiedAt),
    lead: [
      `Hôm nay, ${vietnameseDate(m.certifiedAt)}, ${m.clusterName} tổ chức bình xét thi đua năm ${m.year} bằng hình thức bỏ phiếu kín.`,
      `Số đơn vị thành viên: ${m.eligible.length} (${m.eligible.join(', ')}).`,
      ...m.rounds.map(
        (r) =>
          `Vòng ${r.round}: ${r.voted.length}/${m.eligible.length} đơn vị bỏ phiếu (${r.voted.join(', ')}); số phiếu hợp lệ: ${r.ballots}.`,
      ),
    ],
    sections: m.items.map((item) => ({
      heading: `${item.awardName} (số lượng đề nghị tối đa: ${item.quota})`,
      headers: ['Xếp hạng', 'Đơn vị / cá nhân', 'Đơn vị đề nghị', 'Số phiếu', 'Tỷ lệ', 'Kết quả'],
      rows: item.candidates.map((c) => [
        String(c.rank),
        c.name,
        c.nominatingUnit,
        String(c.approvals),
        percent(c.share),
        `${c.selected ? 'Đề nghị' : 'Không đề nghị'}${c.note ? ` (${c.note})` : ''}`,
      ]),
    })),
    closing:
      'Kết quả kiểm phiếu được công khai cùng danh sách mã phiếu đã được kiểm; phiếu không ghi tên người bỏ phiếu.',
    signature: 'CỤM TRƯỞNG',
  };
}

export const renderMinutes = (m: MinutesData) => contentToPdf(minutesContent(m));
export const renderMinutesDocx = (m: MinutesData) => contentToDocx(minutesContent(m));
