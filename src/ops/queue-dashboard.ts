import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service';
import { bearerTokenOf, sessionTokenOf } from '../auth/session-cookie';
import { DomainError } from '../common/errors';
import { mapError } from '../common/http-exception.filter';
import { DELIVERIES_QUEUE, EFFECTS_QUEUE, TIMERS_QUEUE } from '../queue/queue.constants';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

// Administrators who open the dashboard in a browser are signed in by the web interface's session cookie.
const tokenOf = (request: FastifyRequest): string | undefined =>
  bearerTokenOf(request) ?? sessionTokenOf(request);

/** BullMQ's board at /admin/queues, for administrators only (bearer token or the web session). */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const board = new BullBoardFastifyAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: [EFFECTS_QUEUE, TIMERS_QUEUE, DELIVERIES_QUEUE].map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))),
    ),
    serverAdapter: board,
  });
  const auth = app.get(AuthService);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const token = tokenOf(request);
        if (!token)
          throw new DomainError('unauthenticated', 'AUTH.UNAUTHENTICATED', 'Sign in as an administrator');
        const principal = await auth.verify(token);
        if (principal.role !== 'ADMIN')
          throw new DomainError('forbidden', 'AUTH.FORBIDDEN', 'Administrators only');
      } catch (error) {
        const mapped = mapError(error);
        return reply
          .status(mapped.status)
          .send({ error: { code: mapped.code, message: mapped.message, requestId: request.id } });
      }
    });
    await scope.register(board.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  });
}
