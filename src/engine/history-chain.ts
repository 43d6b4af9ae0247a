import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a history row that its hash covers. */
export interface ChainedEntry {
  instanceId: string;
  seq: number;
  machineVersion: number;
  eventType: string;
  event: Record<string, unknown>;
  fromState: string | null;
  toState: string;
  actor: Record<string, unknown>;
  createdAt: Date;
  prevHash: string;
}

export function hashEntry(entry: ChainedEntry): string {
  const material = canonicalJson({
    v: 1,
    instanceId: entry.instanceId,
    seq: entry.seq,
    machineVersion: entry.machineVersion,
    eventType: entry.eventType,
    event: entry.event,
    fromState: entry.fromState,
    toState: entry.toState,
    actor: entry.actor,
    createdAt: entry.createdAt.toISOString(),
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(material).digest('hex');
}

export interface ChainProblem {
  seq: number;
  reason: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch' | 'state_mismatch';
}

export interface ChainVerdict {
  valid: boolean;
  length: number;
  problems: ChainProblem[];
}

/**
 * Recomputes the chain of one instance. `head` is what the instance row says about the end of its chain: a row
 * deleted or appended behind the engine's back shows up as a head mismatch even when the chain itself links up.
 */
export function verifyChain(
  entries: (ChainedEntry & { hash: string })[],
  head?: { hash: string; version: number; state: string },
): ChainVerdict {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  entries.forEach((entry, index) => {
    if (entry.seq !== index + 1) problems.push({ seq: entry.seq, reason: 'sequence_gap' });
    if (entry.prevHash !== prev) problems.push({ seq: entry.seq, reason: 'broken_link' });
    if (hashEntry(entry) !== entry.hash) problems.push({ seq: entry.seq, reason: 'hash_mismatch' });
    prev = entry.hash;
  });
  if (head) {
    const last = entries[entries.length - 1];
    if (!last || last.hash !== head.hash || last.seq !== head.version) {
      problems.push({ seq: last?.seq ?? 0, reason: 'head_mismatch' });
    } else if (last.toState !== head.state) {
      problems.push({ seq: last.seq, reason: 'state_mismatch' });
    }
  }
  return { valid: problems.length === 0, length: entries.length, problems };
}
