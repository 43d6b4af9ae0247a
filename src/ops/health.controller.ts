import { Public } from '../auth/decorators';
import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { EFFECTS_QUEUE } from '../queue/queue.constants';

const CHECK_TIMEOUT_MS = 2000;

async function check(probe: () => Promise<unknown>): Promise<{ status: 'up' | 'down'; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @InjectQueue(EFFECTS_QUEUE) private readonly queue: Queue,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok', role: this.config.env.ROLE };
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness: the database and the queue answer (503 otherwise)' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, queue] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.queue.getJobCounts('waiting')),
    ]);
    const ok = database.status === 'up' && queue.status === 'up';
    if (!ok) void reply.status(503).header('retry-after', '5');
    return {
      status: ok ? 'ok' : 'unavailable',
      checks: { database, queue: { ...queue, backend: this.config.queueBackend } },
    };
  }
}
