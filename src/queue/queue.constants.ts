export const EFFECTS_QUEUE = 'effects';
export const TIMERS_QUEUE = 'timers';
export const DELIVERIES_QUEUE = 'deliveries';

export const outboxJobId = (id: string | number) => `outbox-${id}`;
export const timerJobId = (id: string) => `timer-${id}`;
export const deliveryJobId = (id: string, generation: number) => `delivery-${id}-${generation}`;
