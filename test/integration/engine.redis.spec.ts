import { engineSuite, flushRedis } from '../support/engine-suite';

jest.setTimeout(60_000);

// Redis database 1 belongs to this file alone: the suite flushes it.
describe('engine on PostgreSQL with BullMQ on Redis', () => {
  engineSuite(() => ({ queue: 'redis', redisDb: 1, wipeQueue: flushRedis }));
});
