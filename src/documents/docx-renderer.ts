import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DOCX_FONT } from './document-fonts';
import {
  type Block,
  type Inline,
  MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  placeAndDate,
  type Signer,
} from './official-document';
import { CONTENT_WIDTH, ISSUER_COLUMN, PAGE, RULES, SIGNATURE_SPACE, SIZES } from './page-format';

/** Twentieths of a point (Word's unit for widths and spacing). */
const twip = (points: number) => Math.round(points * 20);
const halfPoints = (points: number) => Math.round(points * 2);
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

type Align = 'left' | 'center' | 'right' | 'justify';
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const run = (text: string, size: number, o: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text, font: DOCX_FONT, size: halfPoints(size), bold: o.bold, italics: o.italics });

const line = (
  text: string,
  o: {
    size?: number;
    bold?: boolean;
    italics?: boolean;
    align?: Align;
    after?: number;
    before?: number;
  } = {},
) =>
  new Paragraph({
    alignment: ALIGN[o.align ?? 'center'],
    spacing: { before: twip(o.before ?? 0), after: twip(o.after ?? 0) },
    children: [run(text, o.size ?? SIZES.body, o)],
  });

/** An empty paragraph whose bottom border, narrowed by its indents, draws a rule `length` points long. */
const rule = (length: number, width: number) =>
  new Paragraph({
    indent: { left: twip((width - length) / 2), right: twip((width - length) / 2) },
    spacing: { after: twip(2) },
    border: { bottom: LINE },
    children: [run('', 2)],
  });

const cell = (children: (Paragraph | Table)[], width: number) =>
  new TableCell({
    width: { size: twip(width), type: WidthType.DXA },
    borders: NO_BORDERS,
    margins: { left: twip(3), right: twip(3), top: 0, bottom: 0 },
    children,
  });

const frame = (widths: number[], rows: (Paragraph | Table)[][][]) =>
  new Table({
    width: { size: twip(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(twip),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i])) })),
  });

function heading(doc: OfficialDocument): Table {
  const left = CONTENT_WIDTH * ISSUER_COLUMN;
  const right = CONTENT_WIDTH - left;
  const s = SIZES.headerBlock;
  return frame(
    [left, right],
    [
      [
        [
          ...(doc.issuer.parent ? [line(doc.issuer.parent.toUpperCase(), { size: s })] : []),
          line(doc.issuer.name.toUpperCase(), { size: s, bold: true }),
          rule(RULES.issuer, left),
        ],
        [
          line(NATIONAL_TITLE, { size: s, bold: true }),
          line(MOTTO, { size: SIZES.motto, bold: true }),
          rule(RULES.motto, right),
        ],
      ],
      [
        [line(`Số: ${doc.number ?? '      '}`, { before: 4 })],
        [line(placeAndDate(doc.place, doc.date), { italics: true, before: 4 })],
      ],
    ],
  );
}

/** `last`: the body's last block, kept on the page of the signature. */
function block(b: Block, last = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [line(b.text, { bold: true, align: 'left', before: 6, after: 3 })];
    case 'paragraph':
      return [
        new Paragraph({
          keepNext: last,
          keepLines: last,
          alignment: ALIGN[b.align ?? 'justify'],
          indent: b.indent === false ? undefined : { firstLine: mm(10) },
          spacing: { after: twip(6) },
          children: b.text.map((t: Inline) =>
            typeof t === 'string' ? run(t, SIZES.body) : run(t.text, SIZES.body, t),
          ),
        }),
      ];
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c.width, 0);
      const widths = b.columns.map((c) => (c.width / total) * CONTENT_WIDTH);
      const borders = { top: LINE, bottom: LINE, left: LINE, right: LINE };
      const tableCell = (text: string, width: number, align: Align, bold = false) =>
        new TableCell({
          width: { size: twip(width), type: WidthType.DXA },
          borders,
          margins: { left: twip(3), right: twip(3), top: twip(1), bottom: twip(1) },
          children: [line(text, { size: SIZES.table, bold, align })],
        });
      const table = new Table({
        width: { size: twip(CONTENT_WIDTH), type: WidthType.DXA },
        columnWidths: widths.map(twip),
        layout: TableLayoutType.FIXED,
        rows: [
          // The header row repeats at the top of every page the table runs onto.
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: b.columns.map((c, i) => tableCell(c.header, widths[i], 'center', true)),
          }),
          ...b.rows.map(
            (row) =>
              new TableRow({
                cantSplit: true,
                children: row.map((text, i) => tableCell(text, widths[i], b.columns[i]?.align ?? 'left')),
              }),
          ),
        ],
      });
      return [
        ...(b.caption ? [line(b.caption, { bold: true, align: 'left', before: 4, after: 3 })] : []),
        table,
        line('', { after: 6 }),
      ];
    }
  }
}

function signerCell(s: Signer): Paragraph[] {
  return [
    ...(s.authority ? [line(s.authority.toUpperCase(), { bold: true })] : []),
    line(s.function.toUpperCase(), { bold: true, after: SIGNATURE_SPACE }),
    line(s.name ?? '', { bold: true }),
  ];
}

function recipientsCell(recipients: string[]): Paragraph[] {
  return [
    line('Nơi nhận:', { size: SIZES.recipientsTitle, bold: true, italics: true, align: 'left' }),
    ...recipients.map((r, i) =>
      line(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: SIZES.recipients, align: 'left' }),
    ),
  ];
}

function closing(doc: OfficialDocument): (Paragraph | Table)[] {
  if (doc.signers.length === 1) {
    const left = CONTENT_WIDTH * 0.45;
    return [
      frame([left, CONTENT_WIDTH - left], [[recipientsCell(doc.recipients), signerCell(doc.signers[0])]]),
    ];
  }
  const width = CONTENT_WIDTH / doc.signers.length;
  return [
    frame(
      doc.signers.map(() => width),
      [doc.signers.map(signerCell)],
    ),
    ...(doc.recipients.length > 0 ? [line('', { after: 12 }), ...recipientsCell(doc.recipients)] : []),
  ];
}

/** Renders the same document as a Word file: same page, same blocks, header row repeated, pages numbered from 2. */
export function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const margin = PAGE.marginMm;
  return Packer.toBuffer(
    new Document({
      title: doc.title,
      creator: 'thidua',
      styles: { default: { document: { run: { font: DOCX_FONT, size: halfPoints(SIZES.body) } } } },
      sections: [
        {
          properties: {
            titlePage: true,
            page: {
              size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
              margin: {
                top: mm(margin.top),
                bottom: mm(margin.bottom),
                left: mm(margin.left),
                right: mm(margin.right),
                header: mm(8),
              },
            },
          },
          headers: {
            first: new Header({ children: [new Paragraph({ children: [] })] }),
            default: new Header({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [
                    new TextRun({
                      children: [PageNumber.CURRENT],
                      font: DOCX_FONT,
                      size: halfPoints(SIZES.pageNumber),
                    }),
                  ],
                }),
              ],
            }),
          },
          children: [
            heading(doc),
            line(doc.kind.toUpperCase(), { size: SIZES.kind, bold: true, before: 14 }),
            ...(doc.subject ? [line(doc.subject, { size: SIZES.kind, bold: true })] : []),
            rule(RULES.subject, CONTENT_WIDTH),
            line('', { after: 6 }),
            ...(doc.addressee ? [line(doc.addressee, { after: 10 })] : []),
            ...doc.body.flatMap((b, i) => block(b, i === doc.body.length - 1)),
            line('', { after: 4 }),
            ...closing(doc),
          ],
        },
      ],
    }),
  );
}
