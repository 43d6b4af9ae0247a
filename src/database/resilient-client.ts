import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

const logger = new Logger('PostgreSQL');

/**
 * A `pg` client with an `'error'` listener for its whole life. A client whose connection breaks emits `'error'`,
 * and an `'error'` event that nobody listens to is an uncaught exception: the process dies. Pools listen while a
 * client is idle and their users (TypeORM's query runners) while it is checked out, but not in between: a new
 * connection is handed to its caller through a promise, so the caller's listener arrives a microtask later, and a
 * server shutting down can send "ready" and "terminating connection" in one packet, handled before that
 * microtask. This listener only prevents the crash; the client is unusable afterwards (`pg` marks it so), its
 * queries fail, and the pool discards it when it comes back.
 *
 * Used as the `Client` of every pool the service creates (TypeORM's, BullMQ's PostgreSQL backend's).
 */
export class ResilientClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', (error: Error) => {
      logger.debug({ error: error.message }, 'a database connection broke');
    });
  }
}
