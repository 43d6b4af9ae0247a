import type { MigrationInterface, QueryRunner } from 'typeorm';
import { referenceId } from './1764150000001-reference-data';
import { LADDER_AWARDS } from './1764250000001-award-ladder';

/**
 * The source note of an award policy in Vietnamese, the language of the people who read it, and in English beside
 * it (`source_en`, shown on the English pages; a new version may leave it out). The seeded policies' notes were
 * written in English: they become the English notes, and each gets its Vietnamese wording.
 */
const VOTE =
  'Tỷ lệ phiếu và số đơn vị tham gia tối thiểu: chưa tìm thấy quy định hiện hành; mặc định quá nửa tổng số đơn vị có quyền bỏ phiếu và hai phần ba số đơn vị tham gia bỏ phiếu. Đơn vị được bỏ phiếu cho ứng viên của mình (chưa tìm thấy quy định).';
const DEADLINES =
  'Thẩm định trong 10 ngày làm việc kể từ khi nhận đủ hồ sơ, 20 ngày nếu phải lấy ý kiến hiệp y; cơ quan được hỏi ý kiến trả lời trong 10 ngày làm việc (quy định trước đây của Ban Thi đua – Khen thưởng Trung ương).';
const PUBLICITY =
  'Huân chương và danh hiệu vinh dự nhà nước: công khai danh sách ít nhất 10 ngày làm việc để lấy ý kiến nhân dân (chưa đối chiếu điều luật).';
const DECREE_98 = 'Nghị định 98/2023/NĐ-CP, không thay đổi theo Nghị định 152/2025/NĐ-CP.';
const NO_PRIZE = 'Tiền thưởng: chưa tìm thấy trong các nguồn đã tham khảo.';
const DECREE_152_TIES =
  'Nghị định 152/2025/NĐ-CP (có hiệu lực từ ngày 01/7/2025); Điều 4: khi các ứng viên bằng nhau, ưu tiên nữ và tập thể có từ 70 % nữ trở lên, sau đó bỏ phiếu lại.';

const STANDARDS: Record<string, string> = {
  GRASSROOTS_EMULATION_FIGHTER:
    'Luật Thi đua, khen thưởng số 06/2022/QH15, điều về danh hiệu Chiến sĩ thi đua cơ sở: xét trong số cá nhân đạt danh hiệu "Lao động tiên tiến" và có sáng kiến được công nhận ở cơ sở. CHƯA ĐỐI CHIẾU: chưa đọc được nguyên văn điều luật; cả hai tiêu chí chỉ cảnh báo.',
  PROVINCIAL_EMULATION_FIGHTER:
    'Luật số 06/2022/QH15, điều về Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh: xét trong số cá nhân có ba lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở, xét vào năm đạt lần thứ ba (Luật năm 2003, Điều 22 và quy định của các bộ, ví dụ Thông tư 08/2019/TT-BLĐTBXH, Điều 11, cũng quy định như vậy). Số lần liên tục lấy theo các văn bản đó; chưa đọc được nguyên văn điều của Luật số 06/2022/QH15. Sáng kiến có phạm vi ảnh hưởng trong tỉnh: CHƯA ĐỐI CHIẾU, chỉ cảnh báo.',
  NATIONAL_EMULATION_FIGHTER:
    'Luật số 06/2022/QH15, điều về Chiến sĩ thi đua toàn quốc: "được xét tặng cho cá nhân có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh" và có sáng kiến được áp dụng, có phạm vi ảnh hưởng toàn quốc (theo trích dẫn trong một bản tóm tắt Luật đã công bố; đã đối chiếu). Lần đạt thứ hai có thể là năm đang xét hoặc năm trước đó (xét vào năm sau lần thứ hai, như quy định của các bộ). Tiêu chí sáng kiến chỉ cảnh báo: sáng kiến được công nhận thường chưa có trong sổ khen thưởng.',
  LABOUR_ORDER_3:
    'Luật số 06/2022/QH15, Điều 44 (Huân chương Lao động hạng Ba): đã được tặng Bằng khen của Thủ tướng Chính phủ, sau đó có từ năm năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ (với cá nhân, một căn cứ khác là hai lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh). CHƯA ĐỐI CHIẾU: chưa đọc được nguyên văn điều luật; các tiêu chí chỉ cảnh báo.',
  LABOUR_ORDER_2:
    'Luật số 06/2022/QH15, Điều 44 (Huân chương Lao động hạng Nhì): đã được tặng Huân chương Lao động hạng Ba, sau đó có từ năm năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ. CHƯA ĐỐI CHIẾU: chưa đọc được nguyên văn; chỉ cảnh báo.',
  LABOUR_ORDER_1:
    'Luật số 06/2022/QH15, Điều 44 (Huân chương Lao động hạng Nhất): đã được tặng Huân chương Lao động hạng Nhì, sau đó có từ năm năm liên tục trở lên hoàn thành xuất sắc nhiệm vụ. CHƯA ĐỐI CHIẾU: chưa đọc được nguyên văn; chỉ cảnh báo.',
};

const clusterAward = (quota: number, prize: string) => [
  `Nghị định 98/2023/NĐ-CP. Chỉ tiêu: ${quota} mỗi cụm (hội nghị của cụm: 1 cờ thi đua, 2 bằng khen). ${prize} ${VOTE} Khi bằng nhau: bỏ phiếu lại. ${DEADLINES}`,
  `${DECREE_152_TIES} Chỉ tiêu: ${quota} mỗi cụm. ${prize} ${VOTE} ${DEADLINES}`,
];

/** The Vietnamese note of each seeded policy, by award and version. */
export function seededSources(): Record<string, string> {
  const [flag1, flag2] = clusterAward(
    1,
    'Tiền thưởng: 12,0 lần mức lương cơ sở (Nghị định 98/2023, Điều 54).',
  );
  const [certificate1, certificate2] = clusterAward(2, NO_PRIZE);
  const sources: Record<string, string> = {
    'GOVERNMENT_FLAG@1': flag1,
    'GOVERNMENT_FLAG@2': flag2,
    'PM_CERTIFICATE@1': certificate1,
    'PM_CERTIFICATE@2': certificate2,
    'NATIONAL_EMULATION_FIGHTER@1': `Nghị định 98/2023/NĐ-CP. Tiền thưởng: 4,5 lần mức lương cơ sở (Điều 54, không thay đổi theo Nghị định 152/2025). Chưa tìm thấy quy định về chỉ tiêu. ${DEADLINES}`,
    'PROVINCIAL_FLAG@1': `${DECREE_98} Tiền thưởng: 8,0 lần mức lương cơ sở (cờ thi đua cấp bộ, cấp tỉnh).`,
    'PROVINCIAL_CERTIFICATE@1': `${DECREE_98} ${NO_PRIZE}`,
    'PROVINCIAL_EMULATION_FIGHTER@1': `${DECREE_98} Tiền thưởng: 3,0 lần mức lương cơ sở.`,
    'EXCEPTIONAL_REWARD@1': `${DECREE_98} Thủ tục đơn giản: tờ trình và bản tóm tắt thành tích. Không dùng làm căn cứ đề nghị khen thưởng cao hơn (Nghị định 152/2025, Điều 4). Thời hạn thẩm định 5 ngày làm việc: chưa tìm thấy quy định chính thức.`,
  };
  for (const [code, , , , , route] of LADDER_AWARDS) {
    const standard = STANDARDS[code];
    sources[`${code}@1`] = [
      route === 'presidential'
        ? `Chủ tịch nước quyết định theo đề nghị của Thủ tướng Chính phủ (Luật số 06/2022/QH15). ${PUBLICITY}`
        : 'Quyết định ở cấp đơn vị hoặc cấp bộ (Luật số 06/2022/QH15).',
      standard ? `Tiêu chuẩn: ${standard}` : 'Tiêu chuẩn: chưa nhập (chưa tìm thấy văn bản).',
      DEADLINES,
    ].join(' ');
  }
  for (const [code, prize] of [
    ['PROVINCIAL_EMULATION_FIGHTER', '3,0'],
    ['NATIONAL_EMULATION_FIGHTER', '4,5'],
  ]) {
    sources[`${code}@2`] =
      `Nghị định 152/2025/NĐ-CP (có hiệu lực từ ngày 01/7/2025), tiền thưởng ${prize} lần mức lương cơ sở (Nghị định 98/2023, Điều 54, không thay đổi). Tiêu chuẩn: ${STANDARDS[code]} ${DEADLINES}`;
  }
  return sources;
}

export class PolicySourcesVi1764300000001 implements MigrationInterface {
  name = 'PolicySourcesVi1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE award_policies ADD COLUMN source_en text`);
    for (const [key, vi] of Object.entries(seededSources())) {
      await q.query(
        `UPDATE award_policies SET source_en = source, source = $2 WHERE id = $1 AND source_en IS NULL`,
        [referenceId('policy', key), vi],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const ids = Object.keys(seededSources()).map((key) => referenceId('policy', key));
    await q.query(
      `UPDATE award_policies SET source = source_en WHERE id = ANY($1) AND source_en IS NOT NULL`,
      [ids],
    );
    await q.query(`ALTER TABLE award_policies DROP COLUMN source_en`);
  }
}
