import { renderPdf, stateHeading, table } from './pdf';
import { heading, paragraph, renderDocx, stateHeadingDocx, tableDocx } from './docx';

/** Dates as Vietnamese documents write them, in Hanoi time. */
export function vietnameseDate(d: Date): string {
  const local = new Date(d.getTime() + 7 * 3600 * 1000);
  return `ngày ${local.getUTCDate()} tháng ${local.getUTCMonth() + 1} năm ${local.getUTCFullYear()}`;
}

export const percent = (share: number) => `${(share * 100).toFixed(1).replace('.', ',')} %`;

export interface ProposalData {
  clusterName: string;
  leaderName: string;
  year: number;
  date: Date;
  eligible: number;
  items: {
    awardName: string;
    units: { name: string; nominatingUnit: string; approvals: number; share: number; rank: number }[];
  }[];
}

/** The cluster's proposal (tờ trình) to the Central Board: its proposed units per award with the vote figures. */
export function proposalContent(p: ProposalData) {
  return {
    title: `Tờ trình đề nghị khen thưởng năm ${p.year}`,
    lead: [
      `Kính gửi: Ban Thi đua – Khen thưởng Trung ương.`,
      `Căn cứ kết quả bình xét, suy tôn bằng hình thức bỏ phiếu kín của ${p.clusterName} năm ${p.year} (${p.eligible} đơn vị thành viên), ${p.leaderName} – Cụm trưởng – trân trọng đề nghị xét, trình Thủ tướng Chính phủ khen thưởng:`,
    ],
    sections: p.items.map((item) => ({
      heading: item.awardName,
      headers: ['STT', 'Đơn vị / cá nhân được đề nghị', 'Đơn vị đề nghị', 'Số phiếu', 'Tỷ lệ', 'Xếp hạng'],
      rows: item.units.map((u, i) => [
        String(i + 1),
        u.name,
        u.nominatingUnit,
        String(u.approvals),
        percent(u.share),
        String(u.rank),
      ]),
    })),
    closing: `Hồ sơ kèm theo: biên bản họp bình xét, kết quả bỏ phiếu kín, báo cáo thành tích của các đơn vị.`,
    signature: `TM. CỤM THI ĐUA – ${p.leaderName.toUpperCase()}`,
    issuer: p.clusterName,
    place: vietnameseDate(p.date),
  };
}

export interface PmListData {
  year: number;
  awardName: string;
  date: Date;
  entries: {
    nominee: string;
    nominatingUnit: string;
    cluster: string;
    approvals: number | null;
    share: number | null;
  }[];
}

/** The Board's list for the Prime Minister (danh sách đề nghị) for one award and year. */
export function pmListContent(p: PmListData) {
  return {
    title: `Danh sách đề nghị Thủ tướng Chính phủ tặng ${p.awardName} năm ${p.year}`,
    lead: [`Kèm theo Tờ trình của Ban Thi đua – Khen thưởng Trung ương, ${vietnameseDate(p.date)}.`],
    sections: [
      {
        heading: p.awardName,
        headers: ['STT', 'Đơn vị / cá nhân', 'Đơn vị đề nghị', 'Cụm, khối thi đua', 'Số phiếu', 'Tỷ lệ'],
        rows: p.entries.map((e, i) => [
          String(i + 1),
          e.nominee,
          e.nominatingUnit,
          e.cluster,
          e.approvals === null ? '–' : String(e.approvals),
          e.share === null ? '–' : percent(e.share),
        ]),
      },
    ],
    closing: `Tổng số: ${p.entries.length}.`,
    signature: 'BAN THI ĐUA – KHEN THƯỞNG TRUNG ƯƠNG',
    issuer: 'Ban Thi đua – Khen thưởng Trung ương',
    place: vietnameseDate(p.date),
  };
}

type Content = ReturnType<typeof proposalContent>;

export function contentToPdf(c: Content): Promise<Buffer> {
  return renderPdf(c.title, (doc) => {
    stateHeading(doc, c.issuer);
    doc.font('regular').fontSize(11).text(c.place, { align: 'right' }).moveDown();
    doc.font('bold').fontSize(13).text(c.title.toUpperCase(), { align: 'center' }).moveDown();
    doc.font('regular').fontSize(11);
    for (const line of c.lead) doc.text(line).moveDown(0.5);
    for (const section of c.sections) {
      doc.font('bold').text(section.heading).moveDown(0.3);
      table(doc, section.headers, section.rows, [36, 140, 100, 90, 60, 57]);
    }
    doc.text(c.closing).moveDown(2);
    doc.font('bold').text(c.signature, { align: 'right' });
  });
}

export function contentToDocx(c: Content): Promise<Buffer> {
  return renderDocx(c.title, [
    ...stateHeadingDocx(c.issuer),
    paragraph(c.place, { align: 'right', italics: true }),
    heading(c.title.toUpperCase()),
    ...c.lead.map((line) => paragraph(line)),
    ...c.sections.flatMap((s) => [paragraph(s.heading, { bold: true }), tableDocx(s.headers, s.rows)]),
    paragraph(c.closing),
    paragraph(c.signature, { bold: true, align: 'right' }),
  ]);
}
