import { deferWrite } from '../database/one-trip-begin';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../auth/roles';
import { AppConfig } from '../config/config';
import { HandlesEffect, type EffectHandler, type OutboxRecord } from '../engine/effect-handler';
import { AudienceService } from './audience.service';
import { OUTBOX_CHANNEL } from '../engine/workflow-engine.service';
import { MailerService } from './mailer.service';
import {
  inboxWakeUps,
  INBOX_CHANNEL,
  notificationId,
  NotificationsService,
  type NotificationSubject,
} from './notifications.service';
import { StandingService } from '../organizations/standing.service';
import { NOTIFICATION_RULES } from './recipients';

type Hook = { id: string; organization_id: string; role: Role };

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
    private readonly mailer: MailerService,
    private readonly standings: StandingService,
  ) {}

  async handle(record: OutboxRecord, tx: EntityManager): Promise<void> {
    const template = String(record.payload.template);
    const rule = NOTIFICATION_RULES[template];
    if (!rule) throw new Error(`no notification rule for template ${template}`);
    let machineId = record.machineId;
    if (machineId === undefined) {
      const [instance] = (await tx.query(`SELECT machine_id FROM workflow_instances WHERE id = $1`, [
        record.instanceId,
      ])) as { machine_id: string }[];
      machineId = instance?.machine_id;
    }
    const resolve = machineId !== undefined && this.notifications.subjectResolver(machineId);
    if (!resolve) throw new Error(`no notification subject for instance ${record.instanceId}`);
    const toState = typeof record.payload.toState === 'string' ? record.payload.toState : undefined;
    const subject = await resolve(tx, record.instanceId, toState);
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
    // The inbox rows, the wake-up of the live streams and the recipients' organisations' webhooks, in one statement.
    const [{ hooks }] = (await tx.query(
      `WITH inserted AS (
         INSERT INTO notifications (id, user_id, template, subject_type, subject_id, title_vi, title_en, link, outbox_id, created_at)
         SELECT x.id, x.user_id, $2::text, $3, $4, $5, $6, $7, $1, now()
           FROM unnest($8::uuid[], $9::uuid[]) AS x(id, user_id)
         ON CONFLICT (id) DO NOTHING)
       SELECT (SELECT count(pg_notify($10, chunk)) FROM unnest($11::text[]) AS chunk) AS notified,
              CASE WHEN $12 THEN (
                SELECT coalesce(json_agg(w), '[]'::json) FROM (
                  SELECT DISTINCT w.id, w.organization_id, w.role FROM webhooks w JOIN users u ON u.organization_id = w.organization_id
                    -- A webhook reads as long as whoever subscribed it still may: active, and in that role and unit
                    -- (or an administrator who subscribed a unit).
                    JOIN users c ON c.id = w.created_by AND c.active
                                AND (c.role = 'ADMIN' OR (c.role = w.role AND c.organization_id = w.organization_id))
                   WHERE u.id = ANY($9::uuid[]) AND w.active AND ($2::text = ANY(w.events) OR '*' = ANY(w.events))) w)
              ELSE '[]'::json END AS hooks`,
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
        INBOX_CHANNEL,
        inboxWakeUps(users),
        rule.channels.includes('webhook'),
      ],
    )) as { hooks: Hook[] }[];
    await this.deliveries(tx, record, rule.channels, users, await this.entitled(tx, hooks, subject), {
      template,
      subject,
      titleVi,
      titleEn,
      link,
    });
  }

  /**
   * The webhooks that may be told: a webhook reads for its organisation in its role, by the subject's own scope
   * rules (those of the API's reads). One whose organisation may not read the subject is sent nothing, not even
   * the event's name, whoever else of its organisation was told.
   */
  private async entitled(tx: EntityManager, hooks: Hook[], subject: NotificationSubject): Promise<Hook[]> {
    const entitled: Hook[] = [];
    for (const hook of hooks) {
      const standing = await this.standings.of({ role: hook.role, organizationId: hook.organization_id }, tx);
      if (subject.visibleTo(standing)) entitled.push(hook);
    }
    return entitled;
  }

  /** E-mail and webhook deliveries, written as rows (the relay enqueues them after this transaction commits). */
  private async deliveries(
    tx: EntityManager,
    record: OutboxRecord,
    channels: string[],
    users: string[],
    hooks: Hook[],
    m: { template: string; subject: NotificationSubject; titleVi: string; titleEn: string; link: string },
  ): Promise<void> {
    const rows: {
      id: string;
      channel: string;
      userId: string | null;
      webhookId: string | null;
      payload: unknown;
    }[] = [];
    if (channels.includes('email') && this.mailer.enabled) {
      const people = (await tx.query(`SELECT id, email, locale FROM users WHERE id = ANY($1::uuid[])`, [
        users,
      ])) as {
        id: string;
        email: string;
        locale: 'vi' | 'en';
      }[];
      for (const p of people) {
        const subject = p.locale === 'en' ? m.titleEn : m.titleVi;
        const state = p.locale === 'en' ? m.subject.stateLabel.en : m.subject.stateLabel.vi;
        const open = p.locale === 'en' ? 'Open in thidua' : 'Mở trong thidua';
        rows.push({
          id: notificationId(record.id, `email:${p.id}`),
          channel: 'email',
          userId: p.id,
          webhookId: null,
          payload: {
            to: p.email,
            subject,
            text: `${subject}\n${state}\n\n${open}: ${m.link}\n`,
            html: `<p>${escapeHtml(subject)}</p><p>${escapeHtml(state)}</p><p><a href="${escapeHtml(m.link)}">${open}</a></p>`,
            messageId: notificationId(record.id, p.id),
          },
        });
      }
    }
    if (channels.includes('webhook')) {
      for (const hook of hooks) {
        const id = notificationId(record.id, `webhook:${hook.id}`);
        rows.push({
          id,
          channel: 'webhook',
          userId: null,
          webhookId: hook.id,
          payload: {
            id,
            event: m.template,
            occurredAt: record.createdAt.toISOString(),
            subject: {
              type: m.subject.type,
              id: m.subject.id,
              title: m.subject.title,
              state: m.subject.stateLabel,
            },
            titles: { vi: m.titleVi, en: m.titleEn },
            link: m.link,
          },
        });
      }
    }
    if (rows.length === 0) return;
    // The rows and the relay's wake-up, in one statement (held back to travel with the next one where it can).
    const text = `WITH inserted AS (
         INSERT INTO notification_deliveries (id, channel, outbox_id, user_id, webhook_id, payload)
         SELECT x.id, x.channel, $1, x.user_id, x.webhook_id, x.payload
           FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, channel text, user_id uuid, webhook_id uuid, payload jsonb)
         ON CONFLICT (id) DO NOTHING)
       SELECT pg_notify('${OUTBOX_CHANNEL}', '')`;
    const params = [
      record.id,
      JSON.stringify(
        rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          user_id: r.userId,
          webhook_id: r.webhookId,
          payload: r.payload,
        })),
      ),
    ];
    if (!deferWrite(tx, text, params)) await tx.query(text, params);
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
