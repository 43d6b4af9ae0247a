import PDFDocument from 'pdfkit';

/** DejaVu has every Vietnamese letter with its diacritics; it ships in the `dejavu-fonts-ttf` package. */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
};

export type Pdf = PDFKit.PDFDocument;

/** Renders a PDF (A4) with the Vietnamese-capable fonts registered as `regular` and `bold`. */
export function renderPdf(title: string, build: (doc: Pdf) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: title, Producer: 'thidua', Creator: 'thidua' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONTS.regular);
    doc.registerFont('bold', FONTS.bold);
    doc.font('regular');
    try {
      build(doc);
      doc.end();
    } catch (error) {
      reject(error as Error);
    }
  });
}

/** The national motto heading of Vietnamese administrative documents. */
export function stateHeading(doc: Pdf, issuer: string): void {
  doc.font('bold').fontSize(11).text(issuer.toUpperCase(), { continued: false });
  doc.moveUp().text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'right' });
  doc.font('regular').text('Độc lập – Tự do – Hạnh phúc', { align: 'right' });
  doc.moveDown(1.5);
}

export function table(doc: Pdf, headers: string[], rows: string[][], widths: number[]): void {
  const x0 = doc.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = x0;
    let height = 0;
    doc.font(bold ? 'bold' : 'regular').fontSize(10);
    cells.forEach((cell, i) => {
      const h = doc.heightOfString(cell, { width: widths[i] - 6 });
      height = Math.max(height, h);
      doc.text(cell, x + 3, y + 3, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc
      .rect(
        x0,
        y,
        widths.reduce((a, b) => a + b, 0),
        height + 6,
      )
      .stroke();
    doc.x = x0;
    doc.y = y + height + 6;
  };
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.5);
  doc.font('regular').fontSize(11);
}
