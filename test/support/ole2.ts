/**
 * A minimal OLE2 compound file (version 3, 512-byte sectors) holding the given streams, as Word 97–2003 and
 * Excel 97–2003 write them: the header, one sector of the allocation table, the directory, then each stream in
 * ordinary sectors (padded to 4 KiB so that none goes to the mini stream).
 */
const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

export interface Ole2Stream {
  name: string;
  content: Buffer;
}

/** A Word stream starting with the File Information Block's magic number (0xA5EC). */
export const wordStream = (): Ole2Stream => ({
  name: 'WordDocument',
  content: Buffer.concat([Buffer.from([0xec, 0xa5, 0xc1, 0x00]), Buffer.alloc(4092, 0x20)]),
});

/** An Excel stream starting with a BIFF8 beginning-of-file record (0x0809). */
export const workbookStream = (name: 'Workbook' | 'Book' = 'Workbook'): Ole2Stream => ({
  name,
  content: Buffer.concat([Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]), Buffer.alloc(4088)]),
});

export function ole2File(streams: Ole2Stream[]): Buffer {
  const dataSectors = streams.map((s) => Math.max(8, Math.ceil(s.content.length / SECTOR)));
  const entries = streams.length + 1;
  const dirSectors = Math.ceil(entries / 4);
  const total = 1 + dirSectors + dataSectors.reduce((a, b) => a + b, 0);
  if (total > SECTOR / 4) throw new Error('ole2File: too many sectors for one allocation sector');

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  const link = (from: number, count: number) => {
    for (let i = 0; i < count; i++)
      fat.writeUInt32LE(i === count - 1 ? END_OF_CHAIN : from + i + 1, (from + i) * 4);
  };
  link(1, dirSectors);
  const starts: number[] = [];
  let next = 1 + dirSectors;
  for (const count of dataSectors) {
    starts.push(next);
    link(next, count);
    next += count;
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one allocation sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 60); // no mini allocation table
  header.writeUInt32LE(END_OF_CHAIN, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // the allocation table is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);

  const directory = Buffer.alloc(dirSectors * SECTOR);
  const entry = (
    index: number,
    name: string,
    type: number,
    start: number,
    size: number,
    right: number,
    child: number,
  ) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1; // black
    directory.writeUInt32LE(NO_STREAM, at + 68);
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeBigUInt64LE(BigInt(size), at + 120);
  };
  entry(0, 'Root Entry', 5, END_OF_CHAIN, 0, NO_STREAM, streams.length > 0 ? 1 : NO_STREAM);
  streams.forEach((s, i) =>
    entry(
      i + 1,
      s.name,
      2,
      starts[i],
      s.content.length,
      i + 1 < streams.length ? i + 2 : NO_STREAM,
      NO_STREAM,
    ),
  );

  const data = streams.map((s, i) => {
    const padded = Buffer.alloc(dataSectors[i] * SECTOR);
    s.content.copy(padded);
    return padded;
  });
  return Buffer.concat([header, fat, directory, ...data]);
}

/** A legacy Word document (`.doc`). */
export const docFile = () =>
  ole2File([wordStream(), { name: '\u0001CompObj', content: Buffer.alloc(4096, 1) }]);
/** A legacy Excel workbook (`.xls`). */
export const xlsFile = (name: 'Workbook' | 'Book' = 'Workbook') => ole2File([workbookStream(name)]);
