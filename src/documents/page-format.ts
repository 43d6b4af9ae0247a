/**
 * The page of Decree 30/2020/NĐ-CP, Appendix I: A4; margins top and bottom 20–25 mm, left 30–35 mm, right
 * 15–20 mm; text 13–14 pt (tables and the list of recipients smaller). Both renderers read these numbers.
 */
export const MM = 72 / 25.4;

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
};

export const SIZES = {
  body: 13,
  headerBlock: 12,
  motto: 13,
  kind: 14,
  table: 11.5,
  recipientsTitle: 12,
  recipients: 11,
  pageNumber: 13,
};

/** Width of the text area in points. */
export const CONTENT_WIDTH = (PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right) * MM;

/** The issuer's column at the top left; the national title takes the rest. */
export const ISSUER_COLUMN = 0.42;

/** Lengths of the rules drawn under the issuer, the motto and the subject (points). */
export const RULES = { issuer: 70, motto: 158, subject: 110 };

/** Room left for a handwritten signature and seal between the signer's function and name. */
export const SIGNATURE_SPACE = 66;
