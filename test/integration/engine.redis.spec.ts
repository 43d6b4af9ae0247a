import { engineSuite, flushRedis } from '../support/engine-suite';

jest.setTimeout(60_000);

// A Redis database of its own (1–15): the suite flushes it.
const REDIS_DB = 1 + (process.pid % 15);

describe('engine on PostgreSQL with BullMQ on Redis', () => {
  engineSuite(() => ({ queue: 'redis', redisDb: REDIS_DB, wipeQueue: flushRedis }));
});
