import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthErrors } from '../auth/auth.errors';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { bearerTokenOf, sessionTokenOf } from '../auth/session-cookie';
import { DomainError } from '../common/errors';
import { mapError } from '../common/http-exception.filter';
import { DELIVERIES_QUEUE, EFFECTS_QUEUE, TIMERS_QUEUE } from '../queue/queue.constants';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** How the current dashboard request is authenticated: only a bearer token may change queues. */
const credential = new AsyncLocalStorage<'bearer' | 'cookie'>();

/**
 * A queue adapter that is read-only unless the request carries a bearer token. The board shows (and its API
 * allows) pausing, retrying and cleaning only then; a browser, which sends the session cookie on its own (from
 * any site), gets the read-only board.
 */
function readOnlyUnlessBearer(queue: Queue): BullMQAdapter {
  const adapter = new BullMQAdapter(queue, { readOnlyMode: true });
  const writable = () => credential.getStore() === 'bearer';
  Object.defineProperty(adapter, 'readOnlyMode', { get: () => !writable() });
  Object.defineProperty(adapter, 'allowRetries', { get: writable });
  Object.defineProperty(adapter, 'allowCompletedRetries', { get: writable });
  return adapter;
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/** The queue a dashboard API path names (`/api/queues/:name/...`), or every queue. */
function queueOf(path: string): string {
  const match = /\/api\/queues\/([^/?]+)/.exec(path);
  return match ? decodeURIComponent(match[1]).slice(0, 200) : 'all';
}

/**
 * BullMQ's board at /admin/queues, for administrators only. In a browser (the web session cookie) it is
 * read-only and every request that is not a read is refused; with a bearer token an administrator may also change
 * queues, each change recorded in the audit log before it is made (no record, no change).
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: [EFFECTS_QUEUE, TIMERS_QUEUE, DELIVERIES_QUEUE].map((name) =>
      readOnlyUnlessBearer(app.get<Queue>(getQueueToken(name))),
    ),
    serverAdapter: board,
  });
  const auth = app.get(AuthService);
  const audit = app.get(AuditService);
  const dataSource = app.get(DataSource);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const bearer = bearerTokenOf(request);
      // Entered synchronously, so that the board's handler runs in it.
      credential.enterWith(bearer ? 'bearer' : 'cookie');
      void admit(request, bearer).then(
        () => done(),
        (error: unknown) => {
          const mapped = mapError(error);
          void reply
            .status(mapped.status)
            .send({ error: { code: mapped.code, message: mapped.message, requestId: request.id } });
        },
      );
    });
    await scope.register(board.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });

  async function admit(request: FastifyRequest, bearer: string | undefined): Promise<void> {
    const token = bearer ?? sessionTokenOf(request);
    if (!token)
      throw new DomainError('unauthenticated', 'AUTH.UNAUTHENTICATED', 'Sign in as an administrator');
    const principal = await auth.verify(token);
    if (principal.role !== 'ADMIN')
      throw new DomainError('forbidden', 'AUTH.FORBIDDEN', 'Administrators only');
    // An administrator holding a one-time password changes it before anything else, here as everywhere.
    if (principal.mustChangePassword) throw AuthErrors.passwordChangeRequired();
    if (isRead(request.method)) return;
    if (!bearer) {
      throw new DomainError(
        'forbidden',
        'QUEUES.READ_ONLY_IN_BROWSER',
        'The queue dashboard is read-only with the web session; change queues with a bearer token',
      );
    }
    await record(principal, request);
  }

  async function record(principal: Principal, request: FastifyRequest): Promise<void> {
    const path = request.url.split('?')[0].slice(0, 500);
    await dataSource.transaction((tx) =>
      audit.record(tx, {
        actor: principal,
        action: 'queue.action',
        targetType: 'queue',
        targetId: queueOf(path),
        after: { method: request.method, path },
      }),
    );
  }
}
