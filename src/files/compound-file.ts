/**
 * The streams of an OLE2 compound file (Microsoft's Compound File Binary format, the container of legacy Word
 * `.doc` and Excel `.xls` files): the header, the sector allocation table and the directory are read, and every
 * sector and chain is checked against the file, so that a truncated or crafted file is refused, never followed.
 */
export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const STREAM = 2;
const ROOT = 5;

export interface CompoundStream {
  name: string;
  size: number;
  /**
   * The stream's first bytes when it is held in ordinary sectors (a stream smaller than the mini-stream cutoff,
   * 4 KiB, is not read); undefined when the stream's chain is wrong for its size. Read on demand: following every
   * stream's chain of a crafted file with many entries would cost the square of its size.
   */
  head(): Buffer | null | undefined;
}

/** The streams of the file, or null when it is not a well-formed compound file. */
export function compoundStreams(buffer: Buffer): CompoundStream[] | null {
  if (buffer.length < 512 || !OLE2_MAGIC.every((b, i) => buffer[i] === b)) return null;
  if (buffer.readUInt16LE(28) !== 0xfffe) return null;
  const major = buffer.readUInt16LE(26);
  const shift = buffer.readUInt16LE(30);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) return null;
  const sectorSize = 1 << shift;
  const sectors = Math.floor((buffer.length - sectorSize) / sectorSize);
  if (sectors < 1) return null;
  const offset = (sector: number) => (sector + 1) * sectorSize;
  const valid = (sector: number) => sector < sectors;

  // The sectors of the allocation table: 109 named in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = buffer.readUInt32LE(44);
  if (fatCount > sectors) return null;
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatCount; i++)
    fatSectors.push(buffer.readUInt32LE(76 + i * 4));
  let difat = buffer.readUInt32LE(68);
  const perDifat = sectorSize / 4 - 1;
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (!valid(difat) || seenDifat.has(difat)) return null;
    seenDifat.add(difat);
    for (let i = 0; i < perDifat && fatSectors.length < fatCount; i++)
      fatSectors.push(buffer.readUInt32LE(offset(difat) + i * 4));
    difat = buffer.readUInt32LE(offset(difat) + perDifat * 4);
  }
  if (fatSectors.length === 0 || !fatSectors.every(valid)) return null;
  const fat = (sector: number) => {
    const index = Math.floor(sector / (sectorSize / 4));
    if (index >= fatSectors.length) return FREE;
    return buffer.readUInt32LE(offset(fatSectors[index]) + (sector % (sectorSize / 4)) * 4);
  };
  const chain = (start: number): number[] | null => {
    const found: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = fat(s)) {
      if (!valid(s) || seen.has(s)) return null;
      seen.add(s);
      found.push(s);
    }
    return found;
  };

  const directory = chain(buffer.readUInt32LE(48));
  if (!directory || directory.length === 0) return null;
  const cutoff = buffer.readUInt32LE(56);
  // The format fixes the mini-stream cutoff at 4096: a larger one would exempt every stream from the content check.
  if (cutoff !== 4096) return null;
  const streams: CompoundStream[] = [];
  let root = false;
  for (const sector of directory) {
    for (let at = offset(sector); at < offset(sector) + sectorSize; at += 128) {
      const type = buffer[at + 66];
      const nameBytes = buffer.readUInt16LE(at + 64);
      if (type === 0) continue;
      if (nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) return null;
      const name = buffer.toString('utf16le', at, at + nameBytes - 2);
      if (type === ROOT) root = true;
      if (type !== STREAM) continue;
      const size = Number(buffer.readBigUInt64LE(at + 120) & 0xffffffffn);
      const start = buffer.readUInt32LE(at + 116);
      const head = () => {
        if (size < cutoff || size === 0) return null;
        const sectorsOf = chain(start);
        // A stream must have the sectors its size says.
        if (!sectorsOf || sectorsOf.length * sectorSize < size) return undefined;
        return buffer.subarray(offset(sectorsOf[0]), offset(sectorsOf[0]) + Math.min(size, sectorSize));
      };
      streams.push({ name, size, head });
    }
  }
  return root ? streams : null;
}

/**
 * A legacy Word document holds a `WordDocument` stream (whose File Information Block starts with 0xA5EC); a legacy
 * Excel workbook a `Workbook` (BIFF8) or `Book` (BIFF5) stream starting with a BOF record. Any other compound
 * file (an installer, a PowerPoint file) is neither.
 */
export function legacyOfficeType(buffer: Buffer): 'doc' | 'xls' | null {
  const streams = compoundStreams(buffer);
  if (!streams) return null;
  const named = (name: string) => streams.find((s) => s.name === name && s.size > 0);
  // A stream's first bytes: its magic number when they are read, nothing for a small stream; a broken chain refused.
  const starts = (stream: CompoundStream, magics: number[]) => {
    const head = stream.head();
    return head === null || (head !== undefined && head.length >= 2 && magics.includes(head.readUInt16LE(0)));
  };
  const word = named('WordDocument');
  if (word) return starts(word, [0xa5ec]) ? 'doc' : null;
  const book = named('Workbook') ?? named('Book');
  if (book) return starts(book, [0x0809, 0x0409, 0x0209, 0x0009]) ? 'xls' : null;
  return null;
}
