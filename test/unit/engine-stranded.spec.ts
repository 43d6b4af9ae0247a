import { rescueAction } from '../../src/engine/stranded-jobs';

describe('rescuing pending rows from their jobs', () => {
  it('leaves a job on its way, requeues one that cannot move the row, dead-letters one that failed every attempt', () => {
    const job = (state: string, attemptsMade = 1, attempts = 10, failedReason?: string) =>
      ({ state, attemptsMade, attempts, failedReason }) as Parameters<typeof rescueAction>[0];
    for (const state of ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']) {
      expect(rescueAction(job(state))).toBe('leave');
    }
    expect(rescueAction(null)).toBe('requeue');
    expect(rescueAction(job('unknown'))).toBe('requeue');
    expect(rescueAction(job('completed'))).toBe('requeue');
    expect(rescueAction(job('failed', 3, 10, 'job stalled more than allowable limit'))).toBe('requeue');
    expect(rescueAction(job('failed', 10, 10, 'job stalled more than allowable limit'))).toBe('requeue');
    expect(rescueAction(job('failed', 4, 10, 'connection refused'))).toBe('requeue');
    expect(rescueAction(job('failed', 10, 10, 'connection refused'))).toBe('deadLetter');
  });
});
