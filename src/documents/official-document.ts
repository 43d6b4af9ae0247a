/**
 * One description of an administrative document in the format of Decree 30/2020/NĐ-CP (Appendix I), from which
 * both the PDF and the DOCX are rendered, so the two formats always say the same: the issuing body (and its
 * parent) at the top left with the number under it, the national title and motto at the top right with the place
 * and date under them, the kind of document and its subject, the body, the recipients and the signers.
 */

export interface Issuer {
  /** The body the issuer belongs to (cơ quan chủ quản), printed above it; absent for a body without one. */
  parent?: string;
  name: string;
}

export interface Signer {
  /** "TM." (on behalf of a collective body), "KT." (for the head) … followed by the body, when there is one. */
  authority?: string;
  function: string;
  /** Absent when the document waits for its signature and the name is not known to the system. */
  name: string | null;
}

export type Inline = string | { text: string; bold?: boolean; italics?: boolean };

export interface TableColumn {
  header: string;
  /** A relative width; the columns share the page's width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  | { kind: 'paragraph'; text: Inline[]; indent?: boolean; align?: 'left' | 'center' | 'justify' }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; caption?: string };

export interface OfficialDocument {
  /** The file's title (metadata). */
  title: string;
  issuer: Issuer;
  /** The number from the register, e.g. `12/BB-CTĐ` (printed `Số: 12/BB-CTĐ`); null leaves `Số:` blank. */
  number: string | null;
  place: string;
  /** The date the document bears (the meeting's, the decision's), as YYYY-MM-DD in Vietnam. */
  date: string;
  /** The kind of document, printed in capitals: BIÊN BẢN, TỜ TRÌNH, DANH SÁCH, QUYẾT ĐỊNH. */
  kind: string;
  /** The subject (trích yếu), printed bold under the kind. */
  subject?: string;
  /** "Kính gửi: …" for a document sent to one body. */
  addressee?: string;
  body: Block[];
  /** Nơi nhận; the last is usually the archive ("Lưu: VT"). */
  recipients: string[];
  /** One signer on the right, or two side by side (the secretary left and the chair right for minutes). */
  signers: Signer[];
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** The motto with hyphens between its phrases, as Decree 30/2020 prints it. */
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date as administrative documents write it: a day below 10 and the months January and February take a
 * leading zero (Decree 30/2020, Appendix I): `ngày 05 tháng 02 năm 2020`, `ngày 13 tháng 3 năm 2024`.
 */
export function documentDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `ngày ${pad2(d)} tháng ${m < 3 ? pad2(m) : m} năm ${y}`;
}

/** `Thái Bình, ngày 13 tháng 3 năm 2024`. */
export const placeAndDate = (place: string, date: string) => `${place}, ${documentDate(date)}`;

/** The date an instant falls on in Vietnam (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A share as Vietnamese write it: `77,8 %`. */
export const percent = (share: number) => `${(share * 100).toFixed(1).replace('.', ',')} %`;

/** Plain text of a paragraph (for tests and previews). */
export const inlineText = (text: Inline[]) => text.map((t) => (typeof t === 'string' ? t : t.text)).join('');

export const paragraph = (
  text: string | Inline[],
  options: { indent?: boolean; align?: 'left' | 'center' | 'justify' } = {},
): Block => ({
  kind: 'paragraph',
  text: typeof text === 'string' ? [text] : text,
  indent: options.indent ?? true,
  align: options.align ?? 'justify',
});
