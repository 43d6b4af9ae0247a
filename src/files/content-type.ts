import { legacyOfficeType, OLE2_MAGIC } from './compound-file';

/** File types a dossier may hold, recognised by their content rather than by their name or declared type. */
export const ALLOWED_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;
export type AllowedType = keyof typeof ALLOWED_TYPES;

const startsWith = (buffer: Buffer, bytes: number[]) => bytes.every((b, i) => buffer[i] === b);

/**
 * Reads the file's signature: PDF, PNG and JPEG by their magic bytes; DOCX and XLSX are ZIP archives whose
 * first entry is `[Content_Types].xml` and which contain `word/` or `xl/` parts; legacy DOC and XLS are OLE2
 * compound files holding a Word or an Excel stream (`compound-file.ts`). Anything else is refused.
 */
export function detectType(buffer: Buffer): AllowedType | null {
  if (buffer.length >= 5 && buffer.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    const text = buffer.toString('latin1');
    if (!text.includes('[Content_Types].xml')) return null;
    if (text.includes('word/document.xml')) return 'docx';
    if (text.includes('xl/workbook.xml')) return 'xlsx';
  }
  if (startsWith(buffer, OLE2_MAGIC)) return legacyOfficeType(buffer);
  return null;
}

const EXTENSIONS: Record<string, AllowedType> = {
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
};

/**
 * The kind a file's name claims (`.doc` → doc), when its extension is one of the accepted kinds: a file whose
 * name says one kind and whose content is another (a PDF renamed `.doc`) would open in the wrong program.
 */
export function claimedType(name: string | undefined): AllowedType | null {
  const extension = /\.([A-Za-z]{2,5})$/.exec((name ?? '').trim())?.[1].toLowerCase();
  return extension ? (EXTENSIONS[extension] ?? null) : null;
}

/** A file name safe to show and to send back in Content-Disposition: no paths, controls or quotes. */
export function safeFileName(name: string | undefined, type: AllowedType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 180);
  return cleaned.length > 0 ? cleaned : `document.${type === 'jpeg' ? 'jpg' : type}`;
}
