import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UUID } from '../common/params';
import { deferWrite } from '../database/one-trip-begin';
import { sql } from '../engine/sql';
import type { InstanceRow, ProjectedStep, TimerChange } from '../engine/workflow-engine.service';
import { INBOX_CHANNEL, inboxWakeUps } from '../notifications/notifications.service';
import { NominationEntity } from './nomination.entity';
import { NominationErrors } from './nominations.errors';

/** The columns of the nominations table a transition writes, as its answer shows them. */
interface ProjectedColumns {
  state: string;
  overdue: boolean;
  updated_at: Date;
  due_at: Date | null;
  submitted_at: Date | null;
  forwarded_at: Date | null;
  decided_at: Date | null;
  rejected_stage: string | null;
  policy_id: string;
}

/** A pending timer of an instance, as read with its lock. */
interface PendingTimer {
  key: string;
  due: Date;
}

/** A nomination locked with its workflow instance, as the command that locked it knows them. */
export interface LockedNomination {
  n: NominationEntity;
  instance: InstanceRow;
  /** The organisations that lead the nomination's cluster in its year. */
  ledBy: string[];
}

/** What a transaction knows of a locked nomination's row and pending timers, kept in step by each projection. */
interface Known {
  n: NominationEntity;
  timers: PendingTimer[];
}

const reminder = (key: string) => key.endsWith(':reminder');

/**
 * The nominations table as the read model of their workflow instances: locks a nomination with its instance (and
 * what the transition needs of it) in one statement, and projects every transition onto its row in the same
 * transaction. When the command locked the row itself, the projection's columns are computed from what it read
 * and the update travels with the command's next statement or its COMMIT; otherwise the update returns them.
 */
@Injectable()
export class NominationReadModel {
  /** What the projection wrote in each open transaction, by nomination (see `afterStep`). */
  private readonly projected = new WeakMap<EntityManager, Map<string, ProjectedColumns>>();
  /** The rows locked in each open transaction, by nomination. */
  private readonly known = new WeakMap<EntityManager, Map<string, Known>>();

  /**
   * The nomination and its workflow instance, locked (`FOR UPDATE` of the instance, the lock every transition
   * takes first) in one statement with the pending timers; NOT_FOUND when there is none. Held by another command,
   * `beforeWaiting` first sees the committed state (to refuse what it already refuses without queueing); once the
   * lock is granted the row is read again, so that what the other command committed is seen.
   *
   * The statement reads everything but the locked row as of its start: a command that committed between that start
   * and the lock is seen in the instance (PostgreSQL locks its latest version) but not in the rest. The projection
   * computes its columns from this row only when the nomination and its instance were last written by the same
   * transition (their update times are equal); otherwise it reads them back. What must be read as the lock left it
   * (the documents a submission freezes) is read after it.
   */
  async lock(
    tx: EntityManager,
    id: string,
    opts: { beforeWaiting?: (committed: LockedNomination) => void } = {},
  ): Promise<LockedNomination> {
    const read = async (lock: string) =>
      (
        await sql<Record<string, unknown>>(
          tx,
          `SELECT n.*, i.machine_id AS i_machine_id, i.machine_version AS i_machine_version, i.state AS i_state,
                  i.snapshot AS i_snapshot, i.version AS i_version, i.head_hash AS i_head_hash,
                  i.created_at AS i_created_at, i.updated_at AS i_updated_at,
                  ARRAY(SELECT m.organization_id FROM cluster_memberships m
                         WHERE m.cluster_id = n.cluster_id AND m.year = n.year AND m.role <> 'member') AS i_led_by,
                  (SELECT coalesce(jsonb_agg(jsonb_build_object('key', t.key, 'due', t.due_at)), '[]')
                     FROM workflow_timers t WHERE t.instance_id = i.id AND t.status = 'pending') AS i_timers
             FROM nominations n JOIN workflow_instances i ON i.id = n.id
            WHERE n.id = $1 ${lock}`,
          [id],
        )
      ).rows[0];
    // Held by another command: what the committed state already refuses is answered without waiting for the lock
    // (a burst of conflicting commands must not queue, each holding a pooled connection).
    let raw = await read('FOR UPDATE OF i SKIP LOCKED');
    if (!raw) {
      if (opts.beforeWaiting) {
        const committed = await read('');
        if (!committed) throw NominationErrors.notFound(id);
        opts.beforeWaiting(this.hydrate(tx, id, committed));
      }
      // The statement that waits keeps its snapshot for all but the locked row: read again once it is ours.
      if (await read('FOR UPDATE OF i')) raw = await read('');
    }
    if (!raw) throw NominationErrors.notFound(id);
    const locked = this.hydrate(tx, id, raw);
    let known = this.known.get(tx);
    if (!known) this.known.set(tx, (known = new Map()));
    const timers = (raw.i_timers as { key: string; due: string }[]).map((t) => ({
      key: t.key,
      due: new Date(t.due),
    }));
    // A timer already due may be firing now: its outcome (ignored by the state) writes no transition to compare.
    const now = Date.now();
    if (
      new Date(locked.n.updatedAt).getTime() === locked.instance.updated_at.getTime() &&
      timers.every((t) => t.due.getTime() > now)
    ) {
      known.set(id, { n: locked.n, timers });
    } else known.delete(id);
    return locked;
  }

  private hydrate(tx: EntityManager, id: string, raw: Record<string, unknown>): LockedNomination {
    const repository = tx.getRepository(NominationEntity);
    const n = repository.create();
    for (const column of repository.metadata.columns) {
      column.setEntityValue(n, tx.connection.driver.prepareHydratedValue(raw[column.databaseName], column));
    }
    const instance: InstanceRow = {
      id,
      machine_id: raw.i_machine_id as string,
      machine_version: raw.i_machine_version as number,
      state: raw.i_state as string,
      snapshot: raw.i_snapshot as InstanceRow['snapshot'],
      version: raw.i_version as number,
      head_hash: raw.i_head_hash as string,
      created_at: raw.i_created_at as Date,
      updated_at: raw.i_updated_at as Date,
    };
    return { n, instance, ledBy: (raw.i_led_by as string[] | null) ?? [] };
  }

  /**
   * Projects a transition onto the nomination's row. The projection also pins the policy a submission was checked
   * against (`policyId`, added to the event with the facts), and keeps the columns it wrote for the command's
   * answer, so that it need not read the row again.
   */
  async project(tx: EntityManager, step: ProjectedStep): Promise<void> {
    const { instance, history } = step;
    if (history.seq === 1) return; // created together with its row
    const type = history.eventType;
    const submission = type === 'SUBMIT' || type === 'RESUBMIT';
    const policyId = submission && typeof history.event.policyId === 'string' ? history.event.policyId : null;
    // A decision made on paper is dated by its paper (the history keeps when it was entered).
    const decisionDate =
      typeof history.event.decisionDate === 'string' ? `${history.event.decisionDate}T00:00:00+07:00` : null;
    // A person who acts on a nomination has read what their inbox said about it: their notifications about it are
    // marked read, and their inbox streams woken, by the same statement.
    const actor = history.actor.kind === 'user' && UUID.test(history.actor.id) ? history.actor.id : null;
    const params = [
      instance.id,
      instance.state,
      instance.context.overdue === true,
      history.at,
      submission,
      type === 'FORWARD',
      instance.status === 'done',
      (instance.context.rejectedAt as string | null) ?? null,
      policyId,
      decisionDate,
      actor,
      INBOX_CHANNEL,
      actor ? inboxWakeUps([actor])[0] : '',
    ];
    const text = `WITH read_on_act AS (
         UPDATE notifications SET read_at = now()
          WHERE user_id = $11::uuid AND subject_type = 'nomination' AND subject_id = $1 AND read_at IS NULL
          RETURNING 1),
       woken AS (SELECT pg_notify($12, $13) FROM (SELECT 1 FROM read_on_act LIMIT 1) AS one)
       UPDATE nominations SET
         state = $2, overdue = $3, updated_at = $4,
         due_at = (SELECT min(due_at) FROM workflow_timers WHERE instance_id = $1 AND status = 'pending' AND key NOT LIKE '%:reminder'),
         submitted_at = CASE WHEN $5 THEN coalesce(submitted_at, $4) ELSE submitted_at END,
         forwarded_at = CASE WHEN $6 THEN $4 ELSE forwarded_at END,
         decided_at = CASE WHEN $7 THEN coalesce($10::timestamptz, $4) ELSE decided_at END,
         rejected_stage = $8,
         policy_id = coalesce($9, policy_id)
       WHERE id = $1
       RETURNING state, overdue, updated_at, due_at, submitted_at, forwarded_at, decided_at, rejected_stage, policy_id,
         (SELECT count(*) FROM woken) AS woken`;
    const known = this.known.get(tx)?.get(instance.id);
    let row: ProjectedColumns | undefined;
    if (known && step.timers) {
      // The columns follow from the row read with the lock, the transition and its timers.
      const at = new Date(history.at);
      const timers = pendingAfter(known.timers, step.timers);
      const n = known.n;
      row = {
        state: instance.state,
        overdue: instance.context.overdue === true,
        updated_at: at,
        due_at: earliestDeadline(timers),
        submitted_at: submission ? (n.submittedAt ?? at) : n.submittedAt,
        forwarded_at: type === 'FORWARD' ? at : n.forwardedAt,
        decided_at: instance.status === 'done' ? (decisionDate ? new Date(decisionDate) : at) : n.decidedAt,
        rejected_stage: (instance.context.rejectedAt as string | null) ?? null,
        policy_id: policyId ?? n.policyId,
      };
      if (deferWrite(tx, text, params)) {
        known.timers = timers;
        known.n = { ...n, ...columnsOf(row) };
      } else row = undefined;
    }
    if (!row) {
      this.known.get(tx)?.delete(instance.id);
      row = (await sql<ProjectedColumns>(tx, text, params)).rows[0];
    }
    if (!row) return;
    let projected = this.projected.get(tx);
    if (!projected) this.projected.set(tx, (projected = new Map()));
    projected.set(instance.id, row);
  }

  /** The nomination as the projection of the transition just applied in `tx` left it (read again if unknown). */
  async afterStep(tx: EntityManager, n: NominationEntity): Promise<NominationEntity> {
    const row = this.projected.get(tx)?.get(n.id);
    if (!row) return tx.getRepository(NominationEntity).findOneByOrFail({ id: n.id });
    return { ...n, ...columnsOf(row) };
  }
}

function columnsOf(row: ProjectedColumns): Partial<NominationEntity> {
  return {
    state: row.state,
    overdue: row.overdue,
    updatedAt: row.updated_at,
    dueAt: row.due_at,
    submittedAt: row.submitted_at,
    forwardedAt: row.forwarded_at,
    decidedAt: row.decided_at,
    rejectedStage: row.rejected_stage,
    policyId: row.policy_id,
  };
}

/** The pending timers after a transition's own statement closed and started some. */
function pendingAfter(before: PendingTimer[], change: TimerChange): PendingTimer[] {
  const closed = new Set(change.closed);
  return [
    ...before.filter((t) => !closed.has(t.key)),
    ...change.started.map((t) => ({ key: t.key, due: new Date(t.dueAt) })),
  ];
}

/** The nomination's deadline: the earliest pending timer that is not a reminder. */
function earliestDeadline(timers: PendingTimer[]): Date | null {
  let earliest: Date | null = null;
  for (const t of timers) if (!reminder(t.key) && (!earliest || t.due < earliest)) earliest = t.due;
  return earliest;
}
