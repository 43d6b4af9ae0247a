import { eventually } from '../../support/eventually';
import type { Stack } from './stack';

/** Starts the load and returns a way to wait until it has acknowledged `more` transitions (or ended). */
export function trackLoad(stack: Stack, load: Promise<void>) {
  let done = false;
  const ended = load.finally(() => (done = true));
  ended.catch(() => undefined);
  return {
    get done() {
      return done;
    },
    /** Resolves true once `more` transitions more are acknowledged, false if the load ended first. */
    async progressed(more: number): Promise<boolean> {
      const target = stack.ledger.ackedTransitions + more;
      await eventually(() => expect(done || stack.ledger.ackedTransitions >= target).toBe(true), 180_000, 20);
      return !done;
    },
    ended,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
