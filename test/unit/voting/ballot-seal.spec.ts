import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { openBallot, sealBallot, sealedSize, sessionKey } from '../../../src/voting/ballot-seal';

describe('sealed ballots', () => {
  const secret = randomBytes(32);
  const sessionId = randomUUID();
  const key = sessionKey(secret, sessionId);
  const candidates = { GOVERNMENT_FLAG: 2, PM_CERTIFICATE: 3 };
  const size = sealedSize(candidates);
  const ids = Array.from({ length: 5 }, () => randomUUID());

  it('opens what it sealed, and every ballot of a round has one size whatever it chooses', () => {
    fc.assert(
      fc.property(
        fc.subarray(ids.slice(0, 2)),
        fc.subarray(ids.slice(2)),
        fc.stringMatching(/^[A-Z2-9]{10}$/),
        (flag, certificate, receipt) => {
          const content = { choices: { GOVERNMENT_FLAG: flag, PM_CERTIFICATE: certificate }, receipt };
          const sealed = sealBallot(key, sessionId, 1, content, size);
          expect(sealed.length).toBe(sealBallot(key, sessionId, 1, { choices: {}, receipt }, size).length);
          expect(openBallot(key, sessionId, 1, sealed)).toEqual(content);
        },
      ),
    );
  });

  it('seals the same ballot differently each time (nothing to compare two ballots by)', () => {
    const content = { choices: { GOVERNMENT_FLAG: [ids[0]] }, receipt: 'ABCDEFGHJK' };
    const one = sealBallot(key, sessionId, 1, content, size);
    const two = sealBallot(key, sessionId, 1, content, size);
    expect(one.equals(two)).toBe(false);
  });

  it('refuses to open with another secret, for another session or another round, or after a change', () => {
    const sealed = sealBallot(
      key,
      sessionId,
      1,
      { choices: { GOVERNMENT_FLAG: [ids[0]] }, receipt: 'X' },
      size,
    );
    expect(() => openBallot(sessionKey(randomBytes(32), sessionId), sessionId, 1, sealed)).toThrow();
    const other = randomUUID();
    expect(() => openBallot(sessionKey(secret, other), other, 1, sealed)).toThrow();
    expect(() => openBallot(key, sessionId, 2, sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => openBallot(key, sessionId, 1, tampered)).toThrow();
  });

  it('has room for a ballot that chooses every candidate, and refuses a larger one', () => {
    const all = {
      choices: { GOVERNMENT_FLAG: ids.slice(0, 2), PM_CERTIFICATE: ids.slice(2) },
      receipt: 'Z'.repeat(10),
    };
    expect(() => sealBallot(key, sessionId, 1, all, size)).not.toThrow();
    const tooMany = {
      choices: { GOVERNMENT_FLAG: Array.from({ length: 20 }, () => randomUUID()) },
      receipt: 'Z',
    };
    expect(() => sealBallot(key, sessionId, 1, tooMany, size)).toThrow();
  });
});
