import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { HandlesEffect, type EffectHandler, type OutboxRecord } from '../engine/effect-handler';
import { AudienceService } from './audience.service';
import { notificationId, NotificationsService } from './notifications.service';
import { NOTIFICATION_RULES } from './recipients';

export const INBOX_CHANNEL = 'thidua_inbox';

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/**
 * Delivers a `notify` effect: resolves the recipients from the rules table and writes one inbox row each, with
 * an id derived from the outbox row, in the transaction that marks the effect done.
 */
@Injectable()
@HandlesEffect('notify')
export class NotifyHandler implements EffectHandler {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly audiences: AudienceService,
    private readonly config: AppConfig,
  ) {}

  async handle(record: OutboxRecord, tx: EntityManager): Promise<void> {
    const template = String(record.payload.template);
    const rule = NOTIFICATION_RULES[template];
    if (!rule) throw new Error(`no notification rule for template ${template}`);
    const [instance] = (await tx.query(`SELECT machine_id FROM workflow_instances WHERE id = $1`, [
      record.instanceId,
    ])) as {
      machine_id: string;
    }[];
    const resolve = instance && this.notifications.subjectResolver(instance.machine_id);
    if (!resolve) throw new Error(`no notification subject for instance ${record.instanceId}`);
    const subject = await resolve(tx, record.instanceId);
    if (!subject) return;

    const recipients = new Set<string>();
    for (const to of rule.to) {
      const targets = to.audience === 'whoMustAct' ? subject.mustAct : [to];
      for (const target of targets) {
        for (const user of await this.audiences.users(tx, target.audience, subject.context, target.role))
          recipients.add(user);
      }
    }
    if (recipients.size === 0) return;
    const link = `${this.config.publicUrl}${subject.path}`;
    const titleVi = fill(rule.title.vi, { subject: subject.title.vi, state: subject.stateLabel.vi }).slice(
      0,
      300,
    );
    const titleEn = fill(rule.title.en, { subject: subject.title.en, state: subject.stateLabel.en }).slice(
      0,
      300,
    );
    const users = [...recipients];
    await tx.query(
      `INSERT INTO notifications (id, user_id, template, subject_type, subject_id, title_vi, title_en, link, outbox_id, created_at)
       SELECT x.id, x.user_id, $2, $3, $4, $5, $6, $7, $1, now()
         FROM unnest($8::uuid[], $9::uuid[]) AS x(id, user_id)
       ON CONFLICT (id) DO NOTHING`,
      [
        record.id,
        template,
        subject.type,
        subject.id,
        titleVi,
        titleEn,
        link,
        users.map((u) => notificationId(record.id, u)),
        users,
      ],
    );
    await tx.query(`SELECT pg_notify($1, $2)`, [INBOX_CHANNEL, JSON.stringify(users)]);
  }
}
