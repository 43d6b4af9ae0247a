import Redis from 'ioredis';
import { Client } from 'pg';
import { requestContext } from '../common/request-context';

export type Store = 'postgres' | 'redis';
export type Origin = 'request' | 'background';

/**
 * Statements sent to PostgreSQL and commands sent to Redis by this process, by what sent them: an HTTP request or
 * the background (relay, workers, timers). Each is a round trip (a pipelined Redis command shares one), and on a
 * small machine each round trip is a system call that costs more than the JavaScript around it, so these counts
 * are what the transition path and the deliveries are tuned on.
 */
const counts: Record<`${Store}:${Origin}`, number> = {
  'postgres:request': 0,
  'postgres:background': 0,
  'redis:request': 0,
  'redis:background': 0,
};

let installed = false;

const origin = (): Origin => (requestContext.getStore() ? 'request' : 'background');

/** Counts every statement of `pg` clients and every ioredis command of the process from now on (idempotent). */
export function countRoundTrips(): void {
  if (installed) return;
  installed = true;
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    counts[`postgres:${origin()}`]++;
    return query.apply(this, args);
  } as typeof Client.prototype.query;
  const proto = Redis.prototype as unknown as { sendCommand: (...args: unknown[]) => unknown };
  const sendCommand = proto.sendCommand;
  proto.sendCommand = function (this: unknown, ...args: unknown[]) {
    counts[`redis:${origin()}`]++;
    return sendCommand.apply(this, args);
  };
}

export function roundTrips(): { store: Store; origin: Origin; count: number }[] {
  return Object.entries(counts).map(([key, count]) => {
    const [store, from] = key.split(':') as [Store, Origin];
    return { store, origin: from, count };
  });
}
