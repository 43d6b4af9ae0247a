import type { BallotCounts, DecidedBy } from '../../workflows/voting-session.machine';
import {
  type Block,
  documentDate,
  type OfficialDocument,
  paragraph,
  percent,
} from '../documents/official-document';

export interface MinutesCandidate {
  name: string;
  nominatingUnit: string;
  approvals: number;
  share: number;
  rank: number;
  selected: boolean;
  outcome: string;
  tieBreak?: string;
}

export interface MinutesData {
  clusterName: string;
  /** The body the cluster's leader belongs to, printed above the cluster. */
  parent?: string;
  year: number;
  number: string;
  meeting: {
    heldOn: string;
    startsAt: string | null;
    place: string;
    venue: string | null;
    chair: { name: string; function: string } | null;
    secretary: { name: string; function: string } | null;
    present: string[];
    absent: string[];
  };
  eligible: number;
  /** Members of the electorate (fixed when the session was created) that have ended since, and who continues each. */
  electorateChanges: { organization: string; endedOn: string | null; successor: string }[];
  items: {
    awardName: string;
    places: number;
    yearQuota: number | null;
    takenEarlier: number;
    rounds: { round: number; ballots: BallotCounts | null; candidates: MinutesCandidate[] }[];
    final: (MinutesCandidate & { round: number; decidedBy: DecidedBy })[];
  }[];
  receipts: { round: number; codes: string[] }[];
}

const TIE_BREAKS: Record<string, string> = {
  female: 'ưu tiên nữ (Nghị định 152/2025/NĐ-CP, Điều 4)',
  femaleCollective70: 'ưu tiên tập thể có từ 70 % nữ trở lên (Nghị định 152/2025/NĐ-CP, Điều 4)',
  tie: 'bằng số phiếu, đủ số lượng',
};

const OUTCOMES: Record<string, string> = {
  selected: 'Đạt',
  belowThreshold: 'Không đạt ngưỡng',
  beyondQuota: 'Vượt số lượng',
  runoff: 'Bằng phiếu, bỏ phiếu lại',
};

/** Why a candidate has the place it has, in the words of the minutes. */
function rule(c: { decidedBy: DecidedBy; round: number; tieBreak?: string }): string {
  switch (c.decidedBy) {
    case 'threshold':
      return 'Đạt ngưỡng, trong số lượng';
    case 'tieBreak':
      return `Bằng phiếu, chọn theo ${TIE_BREAKS[c.tieBreak ?? ''] ?? c.tieBreak}`;
    case 'runoff':
      return `Bỏ phiếu lại vòng ${c.round}`;
    case 'runoffLost':
      return `Không đạt ở vòng bỏ phiếu lại ${c.round}`;
    case 'belowThreshold':
      return 'Không đạt ngưỡng';
    case 'beyondQuota':
      return 'Đạt ngưỡng, vượt số lượng';
  }
}

const counts = (b: BallotCounts) =>
  `số phiếu phát ra: ${b.issued}; số phiếu thu vào: ${b.received}; số phiếu hợp lệ: ${b.valid}; ` +
  `số phiếu không hợp lệ: ${b.invalid}; số phiếu trắng: ${b.blank}; ` +
  (b.threshold > 0 ? `số phiếu đồng ý cần để đạt: ${b.threshold}; ` : '') +
  `số lượng được đề nghị ở vòng này: ${b.places}.`;

/**
 * The minutes of the conference's secret ballot (biên bản họp bình xét, suy tôn), dated and placed by the
 * conference: who chaired and recorded it, who attended, the ballots of every round, the candidates' approvals per
 * round, the rule that decided each place, and the receipts counted.
 */
export function minutesDocument(m: MinutesData): OfficialDocument {
  const meeting = m.meeting;
  const at = meeting.startsAt ? `vào hồi ${meeting.startsAt.replace(':', ' giờ ')}, ` : '';
  const where = meeting.venue ? `${meeting.venue}, ${meeting.place}` : meeting.place;
  const body: Block[] = [
    paragraph(
      `Hôm nay, ${at}${documentDate(meeting.heldOn)}, tại ${where}, ${m.clusterName} tổ chức Hội nghị ` +
        `bình xét, suy tôn thi đua năm ${m.year} bằng hình thức bỏ phiếu kín.`,
    ),
    { kind: 'heading', text: 'I. THÀNH PHẦN THAM DỰ' },
    paragraph(
      meeting.chair ? `Chủ trì: ${meeting.chair.name} – ${meeting.chair.function}.` : 'Chủ trì: Cụm trưởng.',
    ),
    paragraph(
      meeting.secretary
        ? `Thư ký: ${meeting.secretary.name} – ${meeting.secretary.function}.`
        : 'Thư ký: đại diện đơn vị Cụm trưởng.',
    ),
    paragraph(
      `Đơn vị thành viên có mặt: ${meeting.present.length}/${m.eligible} (${meeting.present.join(', ') || 'không có'}).`,
    ),
    paragraph(`Đơn vị vắng mặt: ${meeting.absent.length > 0 ? meeting.absent.join(', ') : 'không'}.`),
    ...m.electorateChanges.map((c) =>
      paragraph(
        `${c.organization} đã được sắp xếp, hợp nhất vào ${c.successor}` +
          (c.endedOn ? ` (hoạt động đến ${documentDate(c.endedOn)})` : '') +
          `; thành phần bỏ phiếu được xác định khi lập phiên nên ${c.organization} vẫn có một phiếu, ` +
          `do đại diện của ${c.successor} bỏ thay.`,
      ),
    ),
    { kind: 'heading', text: 'II. KẾT QUẢ BỎ PHIẾU KÍN' },
  ];
  m.items.forEach((item, i) => {
    body.push({ kind: 'heading', text: `${i + 1}. ${item.awardName}` });
    body.push(
      paragraph(
        item.yearQuota === null
          ? `Số lượng đề nghị tối đa của phiên: ${item.places}.`
          : `Chỉ tiêu của Cụm trong năm: ${item.yearQuota}; đã đề nghị tại phiên trước: ${item.takenEarlier}; ` +
              `số lượng đề nghị tối đa của phiên này: ${item.places}.`,
      ),
    );
    for (const round of item.rounds) {
      body.push(
        paragraph([
          { text: round.round === 1 ? 'Vòng 1: ' : `Vòng ${round.round} (bỏ phiếu lại): `, bold: true },
          round.ballots ? counts(round.ballots) : '',
        ]),
      );
      body.push({
        kind: 'table',
        columns: [
          { header: 'STT', width: 6, align: 'center' },
          { header: 'Đơn vị / cá nhân', width: 30 },
          { header: 'Đơn vị đề nghị', width: 20 },
          { header: 'Số phiếu đồng ý', width: 11, align: 'right' },
          { header: 'Tỷ lệ', width: 11, align: 'right' },
          { header: 'Kết quả vòng', width: 18 },
        ],
        rows: round.candidates.map((c, n) => [
          String(n + 1),
          c.name,
          c.nominatingUnit,
          String(c.approvals),
          percent(c.share),
          OUTCOMES[c.outcome] ?? c.outcome,
        ]),
      });
    }
    const proposed = item.final.filter((c) => c.selected);
    body.push(
      paragraph([
        { text: 'Kết quả: ', bold: true },
        proposed.length === 0
          ? `không đơn vị, cá nhân nào được đề nghị tặng ${item.awardName}.`
          : `đề nghị tặng ${item.awardName} cho ${proposed.length} đơn vị, cá nhân:`,
      ]),
    );
    if (item.final.length > 0) {
      body.push({
        kind: 'table',
        columns: [
          { header: 'Xếp hạng', width: 8, align: 'center' },
          { header: 'Đơn vị / cá nhân', width: 28 },
          { header: 'Số phiếu (vòng quyết định)', width: 14, align: 'right' },
          { header: 'Tỷ lệ', width: 10, align: 'right' },
          { header: 'Căn cứ', width: 26 },
          { header: 'Đề nghị', width: 10, align: 'center' },
        ],
        rows: item.final.map((c) => [
          String(c.rank),
          c.name,
          `${c.approvals} (vòng ${c.round})`,
          percent(c.share),
          rule(c),
          c.selected ? 'Có' : 'Không',
        ]),
      });
    }
  });
  body.push({ kind: 'heading', text: 'III. MÃ PHIẾU ĐÃ KIỂM' });
  body.push(
    paragraph(
      'Phiếu không ghi tên người bỏ phiếu; mỗi đơn vị nhận một mã phiếu khi bỏ phiếu và đối chiếu với danh sách dưới đây.',
    ),
  );
  for (const r of m.receipts) {
    body.push(
      paragraph(`Vòng ${r.round} (${r.codes.length} phiếu): ${r.codes.join(', ') || 'không có'}.`, {
        align: 'left',
      }),
    );
  }
  body.push(
    paragraph(
      'Biên bản được lập tại Hội nghị, đã thông qua trước Hội nghị và được gửi kèm Tờ trình đề nghị khen thưởng ' +
        'của Cụm tới Ban Thi đua – Khen thưởng Trung ương.',
    ),
  );
  return {
    title: `Biên bản họp bình xét, suy tôn thi đua năm ${m.year} – ${m.clusterName}`,
    issuer: { parent: m.parent, name: m.clusterName },
    number: m.number,
    place: meeting.place,
    date: meeting.heldOn,
    kind: 'Biên bản',
    subject: `Hội nghị bình xét, suy tôn thi đua năm ${m.year}`,
    body,
    recipients: ['Ban Thi đua – Khen thưởng Trung ương', 'Các đơn vị thành viên Cụm', 'Lưu: VT'],
    signers: [
      { function: 'Thư ký', name: meeting.secretary?.name ?? null },
      { function: 'Chủ trì hội nghị', name: meeting.chair?.name ?? null },
    ],
  };
}
