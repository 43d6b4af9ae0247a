import { Injectable, type OnModuleInit } from '@nestjs/common';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { NotificationsService } from '../notifications/notifications.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A person who acts on a nomination has read what their inbox said about it: every transition they send marks
 * their notifications about that nomination read, in the transition's transaction.
 */
@Injectable()
export class NominationReadOnActProjection implements OnModuleInit {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    for (const machine of ['nomination', 'provincialAward'])
      this.engine.project(machine, async (tx, { instance, history }) => {
        if (history.actor.kind !== 'user' || !UUID.test(history.actor.id)) return;
        await this.notifications.readOnAct(tx, history.actor.id, 'nomination', instance.id);
      });
  }
}
