import { compoundStreams, legacyOfficeType } from '../../../src/files/compound-file';
import { detectType } from '../../../src/files/content-type';
import { docFile, ole2File, wordStream, workbookStream, xlsFile } from '../../support/ole2';

describe('the content check of dossier files: legacy Word and Excel (OLE2 compound files)', () => {
  it('recognises a .doc by its WordDocument stream and an .xls by its Workbook or Book stream', () => {
    expect(detectType(docFile())).toBe('doc');
    expect(detectType(xlsFile())).toBe('xls');
    expect(detectType(xlsFile('Book'))).toBe('xls');
    expect(compoundStreams(docFile())?.map((s) => s.name)).toEqual(['WordDocument', '\u0001CompObj']);
  });

  it('refuses a compound file with neither stream, and streams whose content is not Word or Excel', () => {
    expect(
      detectType(ole2File([{ name: 'PowerPoint Document', content: Buffer.alloc(4096, 1) }])),
    ).toBeNull();
    expect(detectType(ole2File([]))).toBeNull();
    // The stream's name alone is not enough: a Word stream starts with the File Information Block's magic.
    const fakeWord = ole2File([{ name: 'WordDocument', content: Buffer.alloc(4096, 0x41) }]);
    expect(legacyOfficeType(fakeWord)).toBeNull();
    const fakeBook = ole2File([{ name: 'Workbook', content: Buffer.alloc(4096, 0x41) }]);
    expect(legacyOfficeType(fakeBook)).toBeNull();
    expect(legacyOfficeType(ole2File([wordStream(), workbookStream()]))).toBe('doc');
    // A mini-stream cutoff other than the format's 4096 would exempt the stream from the content check.
    const exempt = Buffer.from(fakeWord);
    exempt.writeUInt32LE(0xffffffff, 56);
    expect(legacyOfficeType(exempt)).toBeNull();
  });

  it('refuses a renamed PDF or program, and a file with only the signature', () => {
    expect(detectType(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(detectType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(detectType(magic)).toBeNull();
    expect(detectType(Buffer.concat([magic, Buffer.alloc(4096)]))).toBeNull();
  });

  it('refuses a truncated or corrupt compound file without throwing', () => {
    const doc = docFile();
    // Cut off in the middle of the Word stream: its chain points past the end of the file.
    expect(detectType(doc.subarray(0, 3 * 512 + 2048))).toBeNull();
    expect(detectType(doc.subarray(0, 1024))).toBeNull();
    // A directory chain that loops on itself.
    const loop = Buffer.from(doc);
    loop.writeUInt32LE(1, 512 + 4); // the directory's sector 1 points to itself
    expect(detectType(loop)).toBeNull();
    // The directory placed outside the file.
    const outside = Buffer.from(doc);
    outside.writeUInt32LE(10_000, 48);
    expect(detectType(outside)).toBeNull();
    // A wrong byte order mark, an unknown sector size.
    const order = Buffer.from(doc);
    order.writeUInt16LE(0xfeff, 28);
    expect(detectType(order)).toBeNull();
    const shift = Buffer.from(doc);
    shift.writeUInt16LE(7, 30);
    expect(detectType(shift)).toBeNull();
    // A directory entry whose name length is impossible.
    const name = Buffer.from(doc);
    name.writeUInt16LE(200, 1024 + 128 + 64);
    expect(detectType(name)).toBeNull();
    // A stream whose size says more sectors than its chain has.
    const size = Buffer.from(doc);
    size.writeBigUInt64LE(BigInt(1024 * 1024), 1024 + 128 + 120);
    expect(detectType(size)).toBeNull();
    // Bytes changed anywhere after the signature never make it throw (a fixed sequence, the same every run).
    let seed = 20231;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 300; i++) {
      const noise = Buffer.from(doc);
      for (let j = 0; j < 20; j++) noise[8 + random(noise.length - 8)] = random(256);
      expect(() => detectType(noise)).not.toThrow();
    }
  });
});
