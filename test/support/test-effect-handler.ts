import { Injectable } from '@nestjs/common';
import { HandlesEffect, type EffectHandler, type OutboxRecord } from '../../src/engine/effect-handler';

/** Records the notify effects it is handed, so that a test can count deliveries. */
@Injectable()
@HandlesEffect('notify')
export class RecordingNotifyHandler implements EffectHandler {
  readonly delivered: OutboxRecord[] = [];
  failNext = 0;

  async handle(record: OutboxRecord): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('simulated delivery failure');
    }
    this.delivered.push(record);
  }
}
