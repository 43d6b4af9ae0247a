import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderDocx } from '../../../src/documents/docx-renderer';
import {
  documentDate,
  MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  paragraph,
} from '../../../src/documents/official-document';
import { CONTENT_WIDTH, ISSUER_COLUMN, MM, PAGE } from '../../../src/documents/page-format';
import { renderPdf } from '../../../src/documents/pdf-renderer';

const ISSUER = 'Cụm thi đua các tỉnh Đồng bằng sông Hồng';

/** Minutes with a table of `rows` rows, like those of a conference that voted on many units. */
const minutes = (rows: number): OfficialDocument => ({
  title: 'Biên bản',
  issuer: { parent: 'Ủy ban nhân dân tỉnh Thái Bình', name: ISSUER },
  number: '05/BB-CTĐ',
  place: 'Thái Bình',
  date: '2024-03-13',
  kind: 'Biên bản',
  subject: 'Hội nghị bình xét, suy tôn thi đua năm 2023',
  body: [
    paragraph(
      'Hôm nay, vào hồi 08 giờ 30, ngày 13 tháng 3 năm 2024, tại Hội trường Ủy ban nhân dân tỉnh Thái Bình, ' +
        'Cụm thi đua các tỉnh Đồng bằng sông Hồng tổ chức Hội nghị bình xét, suy tôn thi đua năm 2023.',
    ),
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Đơn vị / cá nhân', width: 34 },
        { header: 'Đơn vị đề nghị', width: 20 },
        { header: 'Số phiếu', width: 10, align: 'right' },
        { header: 'Tỷ lệ', width: 10, align: 'right' },
      ],
      rows: Array.from({ length: rows }, (_, i) => [
        String(i + 1),
        `Trường Trung học phổ thông số ${i + 1} Quảng Ninh`,
        'Quảng Ninh',
        '7',
        '77,8 %',
      ]),
    },
  ],
  recipients: ['Ban Thi đua – Khen thưởng Trung ương', 'Lưu: VT'],
  signers: [
    { function: 'Thư ký', name: 'Nguyễn Thị Hoa' },
    { function: 'Chủ trì hội nghị', name: 'Lại Văn Hoàn' },
  ],
});

interface Word {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function pdfPages(pdf: Buffer): Promise<Word[][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: Word[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      (content.items as { str: string; transform: number[]; width: number; height: number }[])
        .filter((i) => i.str.trim().length > 0)
        .map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], width: i.width, height: i.height })),
    );
  }
  await doc.destroy();
  return pages;
}

/** pdfmake writes word by word: words on one baseline with no more than a space between them make a line. */
function lines(words: Word[]): Word[] {
  const sorted = [...words].sort((a, b) => b.y - a.y || a.x - b.x);
  const result: Word[] = [];
  for (const w of sorted) {
    const last = result.at(-1);
    if (last && Math.abs(last.y - w.y) < 0.5 && w.x - (last.x + last.width) < 6) {
      const gap = w.x - (last.x + last.width) > 0.5 ? ' ' : '';
      result[result.length - 1] = {
        ...last,
        str: `${last.str}${gap}${w.str}`,
        width: w.x + w.width - last.x,
      };
    } else {
      result.push({ ...w });
    }
  }
  return result;
}

const line = (words: Word[], text: string) => {
  const all = lines(words);
  const found = all.find((w) => w.str === text);
  if (!found) throw new Error(`"${text}" not found in ${all.map((w) => w.str).join(' | ')}`);
  return found;
};
const centre = (w: Word) => w.x + w.width / 2;

describe('official documents in the format of Decree 30/2020', () => {
  const left = PAGE.marginMm.left * MM;

  it('writes dates as administrative documents do: a leading zero below 10 and for January and February', () => {
    expect(documentDate('2024-03-13')).toBe('ngày 13 tháng 3 năm 2024');
    expect(documentDate('2020-02-05')).toBe('ngày 05 tháng 02 năm 2020');
    expect(documentDate('2024-10-04')).toBe('ngày 04 tháng 10 năm 2024');
  });

  describe('PDF', () => {
    let pages: Word[][];
    beforeAll(async () => {
      pages = await pdfPages(await renderPdf(minutes(70)));
    }, 30_000);

    it('sets the heading in two columns, each block centred in its own: nothing printed on top of anything', () => {
      const first = pages[0];
      const issuer = line(first, 'CỤM THI ĐUA CÁC TỈNH ĐỒNG');
      const nation = line(first, NATIONAL_TITLE);
      const motto = line(first, MOTTO);
      const number = line(first, 'Số: 05/BB-CTĐ');
      const date = line(first, 'Thái Bình, ngày 13 tháng 3 năm 2024');
      const issuerColumn = CONTENT_WIDTH * ISSUER_COLUMN;
      // The issuer and its number in the left column, the national title, motto and date in the right one.
      expect(Math.abs(centre(issuer) - (left + issuerColumn / 2))).toBeLessThan(3);
      expect(Math.abs(centre(number) - (left + issuerColumn / 2))).toBeLessThan(3);
      for (const w of [nation, motto, date])
        expect(Math.abs(centre(w) - (left + issuerColumn + (CONTENT_WIDTH - issuerColumn) / 2))).toBeLessThan(
          3,
        );
      expect(issuer.x + issuer.width).toBeLessThan(nation.x);
      expect(nation.y).toBeGreaterThan(motto.y);
      // The number and the date share a line.
      expect(Math.abs(number.y - date.y)).toBeLessThan(1);
      // No two pieces of text on the first page overlap.
      const overlaps: string[] = [];
      for (const [i, a] of first.entries()) {
        for (const b of first.slice(i + 1)) {
          const apart =
            a.x + a.width <= b.x + 0.5 ||
            b.x + b.width <= a.x + 0.5 ||
            a.y + a.height <= b.y + 0.5 ||
            b.y + b.height <= a.y + 0.5;
          if (!apart) overlaps.push(`${a.str} / ${b.str}`);
        }
      }
      expect(overlaps).toEqual([]);
    });

    it('keeps every Vietnamese letter', () => {
      const text = pages
        .flatMap(lines)
        .map((w) => w.str)
        .join(' ');
      for (const expected of [
        'BIÊN BẢN',
        'Hội nghị bình xét, suy tôn thi đua năm 2023',
        'Nguyễn Thị Hoa',
        'Lại Văn Hoàn',
      ])
        expect(text).toContain(expected);
    });

    it('breaks a long table across pages, repeating its header, and numbers the pages after the first', () => {
      expect(pages.length).toBeGreaterThan(1);
      const second = pages[1];
      const top = Math.max(...second.map((w) => w.y));
      const pageNumber = second.find((w) => w.y === top)!;
      expect(pageNumber.str).toBe('2');
      const header = line(second, 'STT');
      // Right under the page number, above every row of the page.
      const rows = second.filter((w) => /^\d+$/.test(w.str) && w.str !== '2' && w !== pageNumber);
      expect(rows.every((r) => r.y < header.y)).toBe(true);
      expect(line(second, 'Đơn vị / cá nhân').y).toBeCloseTo(header.y, 0);
      // The first page has no number.
      expect(pages[0].filter((w) => w.y > line(pages[0], NATIONAL_TITLE).y)).toEqual([]);
      // Every row is printed once.
      const printed = pages.flatMap(lines).filter((w) => w.str.startsWith('Trường Trung học phổ thông số'));
      expect(printed).toHaveLength(70);
    });

    it('grows by pages in proportion to the rows, never a page per cell', async () => {
      const count = async (rows: number) => (await pdfPages(await renderPdf(minutes(rows)))).length;
      const [p70, p140] = [pages.length, await count(140)];
      expect(p70).toBeLessThanOrEqual(4);
      expect(p140).toBeLessThanOrEqual(2 * p70);
      expect(p140).toBeGreaterThan(p70);
    }, 30_000);
  });

  describe('DOCX', () => {
    let xml: string;
    let header: string;
    beforeAll(async () => {
      const zip = await JSZip.loadAsync(await renderDocx(minutes(70)));
      xml = await zip.file('word/document.xml')!.async('string');
      const headers = Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
      header = (await Promise.all(headers.map((f) => zip.file(f)!.async('string')))).join('');
    });
    const texts = (fragment: string) =>
      [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);

    it('says what the PDF says, with the heading in two cells of one row', () => {
      const firstRow = xml.slice(xml.indexOf('<w:tr'), xml.indexOf('</w:tr>'));
      const cells = firstRow.split('</w:tc>').map(texts);
      expect(cells[0]).toEqual(['ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH', ISSUER.toUpperCase(), '']);
      expect(cells[1]).toEqual([NATIONAL_TITLE, MOTTO, '']);
      const all = texts(xml);
      for (const expected of [
        'Số: 05/BB-CTĐ',
        'Thái Bình, ngày 13 tháng 3 năm 2024',
        'BIÊN BẢN',
        'Nơi nhận:',
        'THƯ KÝ',
      ])
        expect(all).toContain(expected);
      expect(all.filter((t) => t.startsWith('Trường Trung học phổ thông số'))).toHaveLength(70);
    });

    it('lays out the A4 page of the decree, repeats the table header and numbers the pages from the second', () => {
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      expect(xml).toContain('<w:titlePg/>');
      expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
      expect(header).toContain('PAGE');
      expect(xml).toContain('w:ascii="Times New Roman"');
    });
  });
});
