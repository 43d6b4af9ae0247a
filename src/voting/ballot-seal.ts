import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** What a sealed ballot holds: the choices per award, and the receipt code given to the voter. */
export interface BallotContent {
  choices: Record<string, string[]>;
  receipt: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const LENGTH_BYTES = 4;

/**
 * The key that seals the ballots of one session: derived from the server's ballot secret, which never enters the
 * database. A reader of the tables sees which organisation cast a sealed ballot (the turnout row and the sealed
 * row are written by one transaction), but not what it holds; at the close the round's ballots are opened and
 * published together, in an order given by their content, so nothing links an opened ballot to a sealed one.
 */
export function sessionKey(secret: Buffer, sessionId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(sessionId), Buffer.from('thidua:ballot:v1'), 32));
}

/**
 * The size every sealed ballot of a round is padded to: enough for a ballot that chooses every candidate. It
 * depends only on the round's candidates, so the size of a sealed ballot tells nothing about its choices.
 */
export function sealedSize(candidatesByAward: Record<string, number>): number {
  let size = 64; // {"choices":{},"receipt":"…"} and the receipt code
  for (const [award, count] of Object.entries(candidatesByAward)) size += award.length + 8 + count * 39;
  return Math.ceil(size / 256) * 256;
}

const additionalData = (sessionId: string, round: number) => Buffer.from(`${sessionId}:${round}`);

export function sealBallot(
  key: Buffer,
  sessionId: string,
  round: number,
  content: BallotContent,
  size: number,
): Buffer {
  const json = Buffer.from(JSON.stringify({ choices: content.choices, receipt: content.receipt }));
  if (json.length > size) throw new Error('a ballot larger than its round allows');
  const plain = Buffer.alloc(LENGTH_BYTES + size);
  plain.writeUInt32BE(json.length, 0);
  json.copy(plain, LENGTH_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(sessionId, round));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens a sealed ballot; throws when it was not sealed with this key for this session and round. */
export function openBallot(key: Buffer, sessionId: string, round: number, sealed: Buffer): BallotContent {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(additionalData(sessionId, round));
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  const length = plain.readUInt32BE(0);
  const content = JSON.parse(
    plain.subarray(LENGTH_BYTES, LENGTH_BYTES + length).toString('utf8'),
  ) as BallotContent;
  return { choices: content.choices, receipt: content.receipt };
}
