import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** Building blocks for Vietnamese administrative documents in DOCX (Times New Roman, 13 pt). */
const FONT = 'Times New Roman';

export const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text: value, font: FONT, size: 26, ...options });

export const paragraph = (
  value: string,
  options: { bold?: boolean; align?: 'left' | 'center' | 'right'; italics?: boolean } = {},
) =>
  new Paragraph({
    alignment:
      options.align === 'center'
        ? AlignmentType.CENTER
        : options.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [text(value, { bold: options.bold, italics: options.italics })],
  });

export const heading = (value: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    alignment: AlignmentType.CENTER,
    children: [text(value, { bold: true })],
  });

export function stateHeadingDocx(issuer: string): Paragraph[] {
  return [
    paragraph(issuer.toUpperCase(), { bold: true }),
    paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, align: 'right' }),
    paragraph('Độc lập – Tự do – Hạnh phúc', { align: 'right' }),
  ];
}

export function tableDocx(headers: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (value: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ children: [text(value, { bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

export function renderDocx(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ title, creator: 'thidua', sections: [{ children }] }));
}
