import { type Block, type OfficialDocument, paragraph, percent } from '../documents/official-document';

export interface ProposalData {
  clusterName: string;
  parent?: string;
  year: number;
  number: string;
  place: string;
  date: string;
  eligible: number;
  /** The conference that voted and its minutes' number. */
  conference: { heldOn: string; minutesNumber: string | null } | null;
  chairName: string | null;
  items: {
    awardName: string;
    units: {
      name: string;
      nominatingUnit: string;
      dossierNumber: string;
      approvals: number;
      share: number;
      rank: number;
      round: number;
    }[];
  }[];
}

/** The cluster's proposal (tờ trình) to the Central Board: the units it proposes per award, with the vote figures. */
export function proposalDocument(p: ProposalData): OfficialDocument {
  const awards = p.items.map((i) => i.awardName).join(', ');
  const body: Block[] = [
    paragraph(
      `Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; căn cứ kết quả bình xét, suy tôn bằng hình thức bỏ phiếu kín ` +
        `của ${p.clusterName} năm ${p.year} (${p.eligible} đơn vị thành viên)` +
        (p.conference
          ? ` tại Hội nghị ngày ${p.conference.heldOn.split('-').reverse().join('/')}` +
            (p.conference.minutesNumber ? ` (Biên bản số ${p.conference.minutesNumber})` : '')
          : '') +
        `, ${p.clusterName} trân trọng đề nghị Ban Thi đua – Khen thưởng Trung ương thẩm định, trình Thủ tướng ` +
        `Chính phủ khen thưởng cho các tập thể, cá nhân sau:`,
    ),
  ];
  p.items.forEach((item, i) => {
    body.push({
      kind: 'table',
      caption: `${i + 1}. ${item.awardName}: ${item.units.length} đơn vị, cá nhân`,
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Đơn vị / cá nhân được đề nghị', width: 26 },
        { header: 'Đơn vị đề nghị', width: 16 },
        { header: 'Số hồ sơ', width: 22 },
        { header: 'Số phiếu', width: 10, align: 'right' },
        { header: 'Tỷ lệ', width: 10, align: 'right' },
        { header: 'Xếp hạng', width: 10, align: 'center' },
      ],
      rows: item.units.map((u, n) => [
        String(n + 1),
        u.name,
        u.nominatingUnit,
        u.dossierNumber,
        u.round > 1 ? `${u.approvals} (vòng ${u.round})` : String(u.approvals),
        percent(u.share),
        String(u.rank),
      ]),
    });
  });
  body.push(
    paragraph(
      'Hồ sơ kèm theo: biên bản họp bình xét và kết quả bỏ phiếu kín, báo cáo thành tích của các tập thể, cá nhân ' +
        'được đề nghị.',
    ),
  );
  body.push(paragraph(`${p.clusterName} kính đề nghị Ban Thi đua – Khen thưởng Trung ương xem xét./.`));
  return {
    title: `Tờ trình đề nghị khen thưởng năm ${p.year} – ${p.clusterName}`,
    issuer: { parent: p.parent, name: p.clusterName },
    number: p.number,
    place: p.place,
    date: p.date,
    kind: 'Tờ trình',
    subject: `Về việc đề nghị tặng ${awards} năm ${p.year}`,
    addressee: 'Kính gửi: Ban Thi đua – Khen thưởng Trung ương',
    body,
    recipients: ['Như trên', 'Các đơn vị thành viên Cụm', 'Lưu: VT'],
    signers: [{ authority: 'TM. Cụm thi đua', function: 'Cụm trưởng', name: p.chairName }],
  };
}

export interface PmListData {
  year: number;
  awardName: string;
  number: string;
  date: string;
  entries: {
    dossierNumber: string;
    nominee: string;
    nominatingUnit: string;
    cluster: string;
    approvals: number | null;
    share: number | null;
  }[];
}

/** The Board's list for the Prime Minister (danh sách đề nghị) for one award and year. */
export function pmListDocument(p: PmListData): OfficialDocument {
  return {
    title: `Danh sách đề nghị Thủ tướng Chính phủ tặng ${p.awardName} năm ${p.year}`,
    issuer: { parent: 'Bộ Nội vụ', name: 'Ban Thi đua – Khen thưởng Trung ương' },
    number: p.number,
    place: 'Hà Nội',
    date: p.date,
    kind: 'Danh sách',
    subject: `Đề nghị Thủ tướng Chính phủ tặng ${p.awardName} năm ${p.year}`,
    body: [
      paragraph(
        `Kèm theo Tờ trình của Ban Thi đua – Khen thưởng Trung ương, sau khi Hội đồng Thi đua – Khen thưởng ` +
          `Trung ương xét, nhất trí. Tổng số: ${p.entries.length} tập thể, cá nhân.`,
      ),
      {
        kind: 'table',
        columns: [
          { header: 'STT', width: 5, align: 'center' },
          { header: 'Số hồ sơ', width: 22 },
          { header: 'Tập thể / cá nhân', width: 24 },
          { header: 'Đơn vị đề nghị', width: 14 },
          { header: 'Cụm, khối thi đua', width: 19 },
          { header: 'Số phiếu', width: 8, align: 'right' },
          { header: 'Tỷ lệ', width: 9, align: 'right' },
        ],
        rows: p.entries.map((e, i) => [
          String(i + 1),
          e.dossierNumber,
          e.nominee,
          e.nominatingUnit,
          e.cluster,
          e.approvals === null ? '–' : String(e.approvals),
          e.share === null ? '–' : percent(e.share),
        ]),
      },
    ],
    recipients: ['Văn phòng Chính phủ', 'Hội đồng Thi đua – Khen thưởng Trung ương', 'Lưu: VT'],
    signers: [{ authority: 'KT. Trưởng ban', function: 'Phó Trưởng ban', name: null }],
  };
}
