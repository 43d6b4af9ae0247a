import JSZip from 'jszip';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import type { Http } from './http';

/**
 * The text of a PDF, whitespace collapsed. pdf-parse's pdf.js is given a plain Uint8Array of its own: handed a Node
 * Buffer, it now and then failed on valid documents ("bad XRef entry").
 */
export async function pdfText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  return (await pdfParse(new Uint8Array(bytes))).text.replace(/\s+/g, ' ');
}

/** Downloads a generated document and returns its text (PDF extracted; DOCX from word/document.xml). */
export async function documentText(baseUrl: string, who: Http, path: string): Promise<string> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${who.token}` } });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') === '%PDF') return pdfText(bytes);
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}
