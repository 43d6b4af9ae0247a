import IORedis from 'ioredis';
import { redisOptions } from './queue-connection';

/** Fails fast when Redis does not answer, instead of letting BullMQ retry in the background forever. */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const client = new IORedis({
    ...redisOptions(url),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw Object.assign(new Error((error as Error).message), { code: 'REDIS_UNREACHABLE' });
  } finally {
    client.disconnect();
  }
}
