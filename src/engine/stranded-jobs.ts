import type { Job, JobState, Queue } from 'bullmq';

/** What to do with the job of a row that is still pending although its job should have run by now. */
export type RescueAction = 'leave' | 'requeue' | 'deadLetter';

export interface JobFacts {
  state: JobState | 'unknown';
  attemptsMade: number;
  attempts: number;
  failedReason?: string;
}

/**
 * A row still pending means its work is not done, whatever the queue remembers of its job:
 * - a job waiting, running or delayed (a retry after a backoff) is still on its way: leave it;
 * - no job, or a completed one, cannot bring the row further: enqueue it again;
 * - a failed job whose attempts are not used up — a job that stalled past its limit (a worker that died or froze
 *   again and again) never ran to its end — is enqueued again; the handler runs in the transaction that marks
 *   the row done, so a second run cannot deliver twice;
 * - a job that failed every attempt of its own is dead-lettered, as the worker's failure handler would have done.
 */
export function rescueAction(job: JobFacts | null): RescueAction {
  if (!job || job.state === 'unknown' || job.state === 'completed') return 'requeue';
  if (job.state !== 'failed') return 'leave';
  const stalled = /stalled/i.test(job.failedReason ?? '');
  return stalled || job.attemptsMade < job.attempts ? 'requeue' : 'deadLetter';
}

export async function jobFacts(
  queue: Queue,
  jobId: string,
): Promise<{ job: Job | null; facts: JobFacts | null }> {
  const job = ((await queue.getJob(jobId)) as Job | undefined) ?? null;
  if (!job) return { job: null, facts: null };
  return {
    job,
    facts: {
      state: await job.getState(),
      attemptsMade: job.attemptsMade,
      attempts: job.opts.attempts ?? 1,
      failedReason: job.failedReason,
    },
  };
}
