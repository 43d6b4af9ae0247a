import { renderPdf, stateHeading, table } from '../documents/pdf';

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

const percent = (share: number) => `${(share * 100).toFixed(1).replace('.', ',')} %`;
const date = (d: Date) => {
  const local = new Date(d.getTime() + 7 * 3600 * 1000);
  return `ngày ${local.getUTCDate()} tháng ${local.getUTCMonth() + 1} năm ${local.getUTCFullYear()}`;
};

/** The minutes of the vote (biên bản họp bình xét, kết quả bỏ phiếu kín), in Vietnamese. */
export function renderMinutes(m: MinutesData): Promise<Buffer> {
  return renderPdf(`Biên bản bình xét thi đua năm ${m.year}`, (doc) => {
    stateHeading(doc, m.clusterName);
    doc.font('bold').fontSize(14).text('BIÊN BẢN', { align: 'center' });
    doc.fontSize(12).text(`Họp bình xét, suy tôn thi đua năm ${m.year}`, { align: 'center' });
    doc.font('regular').fontSize(11).moveDown();
    doc.text(
      `Hôm nay, ${date(m.certifiedAt)}, ${m.clusterName} tổ chức bình xét thi đua năm ${m.year} bằng hình thức bỏ phiếu kín.`,
    );
    doc.moveDown(0.5);
    doc.text(`Số đơn vị thành viên: ${m.eligible.length} (${m.eligible.join(', ')}).`);
    for (const round of m.rounds) {
      doc.text(
        `Vòng ${round.round}: ${round.voted.length}/${m.eligible.length} đơn vị bỏ phiếu (${round.voted.join(', ')}); số phiếu hợp lệ: ${round.ballots}.`,
      );
    }
    doc.moveDown();
    for (const item of m.items) {
      doc.font('bold').text(`${item.awardName} (số lượng đề nghị tối đa: ${item.quota})`);
      doc.font('regular').moveDown(0.3);
      table(
        doc,
        ['Xếp hạng', 'Đơn vị / cá nhân', 'Đơn vị đề nghị', 'Số phiếu', 'Tỷ lệ', 'Kết quả'],
        item.candidates.map((c) => [
          String(c.rank),
          c.name,
          c.nominatingUnit,
          String(c.approvals),
          percent(c.share),
          `${c.selected ? 'Đề nghị' : 'Không đề nghị'}${c.note ? ` (${c.note})` : ''}`,
        ]),
        [52, 120, 100, 52, 56, 103],
      );
    }
    doc.moveDown();
    doc.text(
      'Kết quả kiểm phiếu được công khai cùng danh sách mã phiếu đã được kiểm; phiếu không ghi tên người bỏ phiếu.',
    );
    doc.moveDown(2);
    doc.font('bold').text('CỤM TRƯỞNG', { align: 'right' });
  });
}
