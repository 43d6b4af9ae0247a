// pdfmake exports one instance whose methods use `this`: a namespace import would copy them off it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');
import type { Content, TableCell } from 'pdfmake/interfaces';
import { PDF_FONT, PDF_FONT_FILES } from './document-fonts';
import {
  type Block,
  type Inline,
  MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  placeAndDate,
  type Signer,
} from './official-document';
import { CONTENT_WIDTH, ISSUER_COLUMN, MM, PAGE, RULES, SIGNATURE_SPACE, SIZES } from './page-format';

const FONT_PATHS = new Set(Object.values(PDF_FONT_FILES));

// The fonts are the only files pdfmake may read, and it may fetch nothing.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_PATHS.has(path));

/** A table used only to place blocks side by side: no rules, no padding. */
const FRAME = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/** A horizontal rule of `length` points, centred. */
const rule = (length: number, gap = 1): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: gap, x2: length, y2: gap, lineWidth: 0.6 }],
  alignment: 'center',
});

const inlines = (text: Inline[]) =>
  text.map((t) => (typeof t === 'string' ? { text: t } : { text: t.text, bold: t.bold, italics: t.italics }));

function block(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return { text: b.text, bold: true, margin: [0, 6, 0, 3] };
    case 'paragraph':
      return {
        text: inlines(b.text),
        alignment: b.align ?? 'justify',
        leadingIndent: b.indent === false ? 0 : (1.0 / 2.54) * 72,
        margin: [0, 0, 0, 6],
        lineHeight: 1.1,
      };
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c.width, 0);
      // Cell padding and rules take about 8.5 pt per column; the rest is shared in proportion.
      const room = CONTENT_WIDTH - b.columns.length * 8.5;
      const header: TableCell[] = b.columns.map((c) => ({ text: c.header, bold: true, alignment: 'center' }));
      const rows: TableCell[][] = b.rows.map((row) =>
        row.map((cell, i) => ({ text: cell, alignment: b.columns[i]?.align ?? 'left' })),
      );
      return {
        stack: [
          ...(b.caption ? [{ text: b.caption, bold: true, margin: [0, 4, 0, 3] } as Content] : []),
          {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: b.columns.map((c) => (c.width / total) * room),
              body: [header, ...rows],
            },
            fontSize: SIZES.table,
            margin: [0, 0, 0, 8],
          },
        ],
      };
    }
  }
}

function signerBlock(s: Signer): Content {
  return {
    stack: [
      ...(s.authority ? [{ text: s.authority.toUpperCase(), bold: true }] : []),
      { text: s.function.toUpperCase(), bold: true },
      { text: ' ', margin: [0, 0, 0, SIGNATURE_SPACE] },
      { text: s.name ?? ' ', bold: true },
    ],
    alignment: 'center',
    fontSize: SIZES.body,
  };
}

function recipientsBlock(recipients: string[]): Content {
  return {
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: SIZES.recipientsTitle },
      ...recipients.map((r, i) => ({
        text: `- ${r}${i === recipients.length - 1 ? '.' : ';'}`,
        fontSize: SIZES.recipients,
      })),
    ],
  };
}

function closing(doc: OfficialDocument, last: Content[]): Content {
  const parts: Content[] = [...last];
  if (doc.signers.length === 1) {
    parts.push({
      margin: [0, 10, 0, 0],
      columns: [
        { width: '45%', stack: doc.recipients.length > 0 ? [recipientsBlock(doc.recipients)] : [] },
        { width: '55%', stack: [signerBlock(doc.signers[0])] },
      ],
    });
  } else {
    parts.push({
      columns: doc.signers.map((s) => ({ width: '*', stack: [signerBlock(s)] })),
      margin: [0, 10, 0, 0],
    });
    if (doc.recipients.length > 0)
      parts.push({ stack: [recipientsBlock(doc.recipients)], margin: [0, 12, 0, 0] });
  }
  // The signature stays with the paragraph it closes: never alone at the top of a page.
  return { stack: parts, unbreakable: true };
}

function heading(doc: OfficialDocument): Content {
  const left = CONTENT_WIDTH * ISSUER_COLUMN;
  const right = CONTENT_WIDTH - left;
  const issuer: Content[] = [
    ...(doc.issuer.parent ? [{ text: doc.issuer.parent.toUpperCase() }] : []),
    { text: doc.issuer.name.toUpperCase(), bold: true },
    rule(RULES.issuer, 3),
  ];
  const nation: Content[] = [
    { text: NATIONAL_TITLE, bold: true },
    { text: MOTTO, bold: true, fontSize: SIZES.motto },
    rule(RULES.motto),
  ];
  return {
    table: {
      widths: [left - 6, right - 6],
      body: [
        [
          { stack: issuer, alignment: 'center' },
          { stack: nation, alignment: 'center' },
        ],
        [
          {
            text: `Số: ${doc.number ?? '      '}`,
            alignment: 'center',
            fontSize: SIZES.body,
            margin: [0, 4, 0, 0],
          },
          {
            text: placeAndDate(doc.place, doc.date),
            italics: true,
            alignment: 'center',
            fontSize: SIZES.body,
            margin: [0, 4, 0, 0],
          },
        ],
      ],
    },
    layout: FRAME,
    fontSize: SIZES.headerBlock,
    margin: [0, 0, 0, 14],
  };
}

/** Renders the document as an A4 PDF: the table header repeats on every page, pages after the first are numbered. */
export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  pdfmake.setFonts({ [PDF_FONT]: { ...PDF_FONT_FILES } });
  const margin = PAGE.marginMm;
  const body = doc.body;
  // The last paragraph goes with the signature (a table is left to break on its own).
  const keep = body.length > 0 && body[body.length - 1].kind === 'paragraph' ? body.length - 1 : body.length;
  const content: Content[] = [
    heading(doc),
    { text: doc.kind.toUpperCase(), bold: true, alignment: 'center', fontSize: SIZES.kind },
    ...(doc.subject
      ? [
          { text: doc.subject, bold: true, alignment: 'center', fontSize: SIZES.kind } as Content,
          rule(RULES.subject, 3),
        ]
      : [rule(RULES.subject, 3)]),
    { text: ' ', margin: [0, 0, 0, 6] },
    ...(doc.addressee
      ? [{ text: doc.addressee, alignment: 'center', margin: [0, 0, 0, 10] } as Content]
      : []),
    ...body.slice(0, keep).map(block),
    closing(doc, body.slice(keep).map(block)),
  ];
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [margin.left * MM, margin.top * MM, margin.right * MM, margin.bottom * MM],
      info: { title: doc.title, creator: 'thidua', producer: 'thidua' },
      language: 'vi-VN',
      defaultStyle: { font: PDF_FONT, fontSize: SIZES.body },
      // Decree 30/2020: pages are numbered from the second, centred in the top margin.
      header: (page: number) =>
        page === 1
          ? null
          : {
              text: String(page),
              alignment: 'center',
              fontSize: SIZES.pageNumber,
              margin: [0, 8 * MM, 0, 0],
            },
      content,
    })
    .getBuffer();
}
