export const EFFECTS_QUEUE = 'effects';
export const TIMERS_QUEUE = 'timers';
export const DELIVERIES_QUEUE = 'deliveries';

export const outboxJobId = (id: string | number) => `outbox-${id}`;
export const timerJobId = (id: string) => `timer-${id}`;
export const deliveryJobId = (id: string, generation: number) => `delivery-${id}-${generation}`;

/**
 * Worker locks for jobs whose handler is idempotent (it runs in the transaction that marks its row done): the jobs
 * of a worker that died are handed to another within about 15 s instead of BullMQ's 30–60 s, and a job may stall
 * several times (several workers killed in a row) before the queue gives up on it. Running such a job twice is a
 * no-op, so an early stall costs nothing. External deliveries keep BullMQ's defaults.
 */
export const IDEMPOTENT_JOB_LOCKS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 10 };
