import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type AnyMachineSnapshot, initialTransition } from 'xstate';
import {
  acceptedEventTypes,
  accepts,
  findWorkflow,
  isEffect,
  latestWorkflow,
  pureTransition,
  type Effect,
  type Label,
  stateKey,
  stateLabel,
  type WorkflowDefinition,
  type WorkflowEvent,
} from '../../workflows';
import { CalendarService } from '../calendar/calendar.service';
import { TimerPlanner, type TimerOp } from './timer-planner';
import { DomainError } from '../common/errors';
import { isUnavailableError } from '../common/unavailable';
import { MetricsService } from '../ops/metrics.service';
import { type Actor, SYSTEM_ACTOR } from './actor';
import { EngineErrors } from './engine.errors';
import { explainRefusal } from './refusal';
import { GENESIS_HASH, hashEntry, verifyChain, type ChainVerdict, type ChainedEntry } from './history-chain';
import { isRetryable, sql } from './sql';
import { deferWrite, isStalePrepared, transactionBegunWithFirstStatement } from '../database/one-trip-begin';

export const OUTBOX_CHANNEL = 'thidua_outbox';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CASCADE_DEPTH = 4;

export interface InstanceRow {
  id: string;
  machine_id: string;
  machine_version: number;
  state: string;
  snapshot: { value: unknown; context: Record<string, unknown>; status: string };
  version: number;
  head_hash: string;
  created_at: Date;
  updated_at: Date;
}

/** Decides whether the actor may send an event type to the instance in its current state (the access table). */
export type Entitlement = (eventType: string, instance: InstanceView) => boolean;

export interface SendOptions {
  actor: Actor;
  expectedVersion?: number;
  entitled?: Entitlement;
  /** The instance's row, already read `FOR UPDATE` in this transaction by the caller (saves reading it again). */
  locked?: InstanceRow;
}

export interface InstanceView {
  id: string;
  machineId: string;
  machineVersion: number;
  state: string;
  label: Label;
  status: 'active' | 'done';
  version: number;
  context: Record<string, unknown>;
  /** The XState state value (equal to `state` for flat machines). */
  snapshotValue: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryView {
  seq: number;
  eventType: string;
  event: Record<string, unknown>;
  fromState: string | null;
  toState: string;
  actor: Actor;
  at: string;
  prevHash: string;
  hash: string;
}

export interface StepResult {
  instance: InstanceView;
  history: HistoryView;
  allowedEvents: string[];
}

interface Loaded {
  row: InstanceRow;
  definition: WorkflowDefinition;
  snapshot: AnyMachineSnapshot;
  view: InstanceView;
}

type Tx = EntityManager;

/**
 * Timers replaced and started, written by the transition's own statement: the pending timers of the started keys
 * are closed as replaced (a statement of its own, `r`, that the insert waits for, so that the new pending row of a
 * key never meets the old one), then the new rows are inserted with the history row's id. `$6` is the time,
 * `$16` the replaced keys, `$17` the new rows.
 */
const TIMER_STARTS_CTE = `r AS (
         UPDATE workflow_timers SET status = 'cancelled', closed_at = $6, outcome = 'replaced'
          WHERE instance_id = $1 AND key = ANY($16::text[]) AND status = 'pending' RETURNING 1
       ), t AS (
         INSERT INTO workflow_timers (id, instance_id, key, event, started_at, due_at, created_history_id)
         SELECT x.id, $1, x.key, x.event, x.started_at, x.due_at, h.id
           FROM h, (SELECT count(*) FROM r) AS replaced,
                jsonb_to_recordset($17::jsonb) AS x(id uuid, key text, event jsonb, started_at timestamptz, due_at timestamptz)
       )`;

/**
 * Splits a transition's timer operations into what its one statement writes — the cancellations that come first
 * (leaving a state), then timers started under distinct keys — and the rest, applied one by one after it in the
 * order the machine gave them (a machine that cancels after starting, or starts a key twice).
 */
function planTimerWrites(ops: TimerOp[]) {
  const leading = ops.findIndex((t) => t.kind !== 'cancel');
  const cancels = (leading < 0 ? ops : ops.slice(0, leading)) as { kind: 'cancel'; key: string }[];
  const after = ops.slice(cancels.length);
  const starts = after.filter((t) => t.kind === 'start');
  const keys = starts.map((t) => t.params.key);
  const cancelled = cancels.flatMap((t) => [t.key, `${t.key}:reminder`]);
  const simple =
    starts.length === after.length &&
    new Set(keys).size === keys.length &&
    !keys.some((k) => cancelled.includes(k) || cancelled.includes(`${k}:reminder`));
  if (!simple) return { cancelled, replaced: [] as string[], started: [] as unknown[], rest: after };
  return {
    cancelled,
    replaced: keys.flatMap((k) => [k, `${k}:reminder`]),
    started: starts.flatMap((op) => [
      {
        id: randomUUID(),
        key: op.params.key,
        event: op.params.event,
        started_at: op.startedAt,
        due_at: op.dueAt,
      },
      ...(op.reminderAt
        ? [
            {
              id: randomUUID(),
              key: `${op.params.key}:reminder`,
              event: { type: 'REMINDER', key: op.params.key },
              started_at: op.startedAt,
              due_at: op.reminderAt,
            },
          ]
        : []),
    ]),
    rest: [] as TimerOp[],
  };
}

/** What a transition did to its instance's pending timers: the keys it closed and the timers it started. */
export interface TimerChange {
  closed: string[];
  started: { key: string; dueAt: Date }[];
}

/**
 * A read model kept in step with a machine's instances, inside the transaction of every applied transition
 * (whichever path sent the event: a request, a timer or another workflow).
 */
export type Projection = (tx: Tx, step: ProjectedStep) => Promise<void>;

/**
 * A transition as its read models see it. `timers` is what it did to the pending timers when its own statement
 * did all of it (the usual case), so that a read model that knew them before need not read them again; absent when
 * timers were also written one by one after it.
 */
export interface ProjectedStep {
  instance: InstanceView;
  history: HistoryView;
  timers?: TimerChange;
}

/**
 * Steps persisted statecharts. Each command runs in one database transaction: lock the instance row, restore
 * its snapshot, compute XState's pure `transition()`, and write the new snapshot, one history row and one
 * outbox or timer row per effect. A refused event writes nothing.
 */
@Injectable()
export class WorkflowEngine {
  private readonly projections = new Map<string, Projection[]>();
  private readonly timerPlanner: TimerPlanner;

  constructor(
    private readonly dataSource: DataSource,
    calendar: CalendarService,
    private readonly metrics: MetricsService,
  ) {
    this.timerPlanner = new TimerPlanner(calendar);
  }

  /** Registers a read model of a machine's instances; it runs after every transition, in its transaction. */
  project(machineId: string, projection: Projection): void {
    this.projections.set(machineId, [...(this.projections.get(machineId) ?? []), projection]);
  }

  private async runProjections(tx: Tx, step: ProjectedStep): Promise<void> {
    for (const projection of this.projections.get(step.instance.machineId) ?? []) await projection(tx, step);
  }

  /** Runs `work` in a transaction, retrying the whole of it after a deadlock or serialization failure. */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transactionBegunWithFirstStatement(this.dataSource, work);
      } catch (error) {
        if (error instanceof DomainError) throw error;
        // A lost connection is not the command's fault: it answers 503 (nothing was committed, or the commit's
        // answer was lost — an Idempotency-Key then replays it).
        if (isUnavailableError(error)) throw EngineErrors.unavailable(error);
        // A prepared statement a schema change left stale: its connection was closed, the next one prepares anew.
        if (attempt >= 3 || !(isRetryable(error) || isStalePrepared(error))) throw error;
      }
    }
  }

  async create(
    machineId: string,
    input: unknown,
    opts: {
      actor: Actor;
      id?: string;
      /** A version still in the registry (default: the latest). */ version?: number;
    },
    tx?: Tx,
  ): Promise<StepResult> {
    if (!tx) return this.transaction((t) => this.create(machineId, input, opts, t));
    const definition = opts.version ? findWorkflow(machineId, opts.version) : latestWorkflow(machineId);
    if (!definition) throw EngineErrors.unknownMachine(machineId);
    const [snapshot, actions] = initialTransition(definition.machine, input as never);
    const id = opts.id ?? randomUUID();
    const now = new Date();
    const toState = stateKey(snapshot.value);
    const entry: ChainedEntry = {
      instanceId: id,
      seq: 1,
      machineVersion: definition.version,
      eventType: 'CREATE',
      event: { type: 'CREATE' },
      fromState: null,
      toState,
      actor: { ...opts.actor },
      createdAt: now,
      prevHash: GENESIS_HASH,
    };
    const hash = hashEntry(entry);
    const effects = actions.filter((a) => isEffect(a)) as unknown as Effect[];
    const timers = await this.timerPlanner.plan(tx, id, effects, now);
    const outbox = this.outboxRows(effects);
    const createPlan = planTimerWrites(timers);
    if (createPlan.cancelled.length > 0) throw new Error('a machine cancels a timer in its initial state');
    const { rows } = await sql<{ id: string }>(
      tx,
      `WITH i AS (
         INSERT INTO workflow_instances (id, machine_id, machine_version, state, snapshot, version, head_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $7)
       ), h AS (
         INSERT INTO workflow_history (instance_id, seq, machine_version, event_type, event, from_state, to_state, actor, created_at, prev_hash, hash)
         VALUES ($1, 1, $3, 'CREATE', $8, NULL, $4, $9, $7, $10, $6) RETURNING id
       ), o AS (
         INSERT INTO workflow_outbox (instance_id, history_id, effect_type, payload)
         SELECT $1, h.id, x.type, x.payload FROM h, jsonb_to_recordset($11::jsonb) AS x(type text, payload jsonb)
       ), ${TIMER_STARTS_CTE.replaceAll('$16', '$13').replaceAll('$17', '$14').replaceAll('$6', '$7')}
       SELECT h.id, CASE WHEN $12 THEN pg_notify('${OUTBOX_CHANNEL}', '') END FROM h`,
      [
        id,
        definition.id,
        definition.version,
        toState,
        this.persist(snapshot),
        hash,
        now,
        entry.event,
        entry.actor,
        GENESIS_HASH,
        JSON.stringify(outbox),
        outbox.length > 0 || timers.some((t) => t.kind === 'start'),
        createPlan.replaced,
        JSON.stringify(createPlan.started),
      ],
    );
    await this.applyTimers(tx, id, createPlan.rest, rows[0].id, now);
    this.metrics.transitions.inc({ machine: definition.id, event: 'CREATE', outcome: 'applied' });
    const view = this.view({
      id,
      machine_id: definition.id,
      machine_version: definition.version,
      state: toState,
      snapshot: this.persist(snapshot),
      version: 1,
      head_hash: hash,
      created_at: now,
      updated_at: now,
    });
    const history = this.historyView({ ...entry, hash });
    await this.runProjections(tx, { instance: view, history });
    return { instance: view, history, allowedEvents: [] };
  }

  /** Sends one event in its own transaction. */
  async send(instanceId: string, event: WorkflowEvent, opts: SendOptions): Promise<StepResult> {
    return this.transaction((tx) => this.sendIn(tx, instanceId, event, opts));
  }

  /** Sends one event inside the caller's transaction (so a domain write and the transition commit together). */
  async sendIn(
    tx: Tx,
    instanceId: string,
    event: WorkflowEvent,
    opts: SendOptions,
    depth = 0,
  ): Promise<StepResult> {
    const loaded =
      opts.locked?.id === instanceId
        ? this.restore(opts.locked)
        : await this.lockOrRefuse(tx, instanceId, event, opts);
    const { row, definition, snapshot } = loaded;
    this.refuse(loaded, event, opts, 'locked');
    const outcome = (o: string) =>
      this.metrics.transitions.inc({ machine: definition.id, event: event.type, outcome: o });

    const [next, actions] = pureTransition(definition.machine, snapshot, event);
    const now = new Date();
    const toState = stateKey(next.value);
    const entry: ChainedEntry = {
      instanceId,
      seq: row.version + 1,
      machineVersion: definition.version,
      eventType: event.type,
      event: { ...event },
      fromState: row.state,
      toState,
      actor: { ...opts.actor },
      createdAt: now,
      prevHash: row.head_hash,
    };
    const hash = hashEntry(entry);
    const effects = actions.filter((a) => isEffect(a)) as unknown as Effect[];
    const timers = await this.timerPlanner.plan(tx, instanceId, effects, now);
    const outbox = this.outboxRows(effects, { eventType: event.type, fromState: row.state, toState });
    const plan = planTimerWrites(timers);
    const text = `WITH u AS (
         UPDATE workflow_instances SET state = $2, snapshot = $3, version = $4, head_hash = $5, updated_at = $6 WHERE id = $1
       ), c AS (
         UPDATE workflow_timers SET status = 'cancelled', closed_at = $6, outcome = 'cancelled'
          WHERE instance_id = $1 AND key = ANY($15::text[]) AND status = 'pending'
       ), h AS (
         INSERT INTO workflow_history (instance_id, seq, machine_version, event_type, event, from_state, to_state, actor, created_at, prev_hash, hash)
         VALUES ($1, $4, $7, $8, $9, $10, $2, $11, $6, $12, $5) RETURNING id
       ), o AS (
         INSERT INTO workflow_outbox (instance_id, history_id, effect_type, payload)
         SELECT $1, h.id, x.type, x.payload FROM h, jsonb_to_recordset($13::jsonb) AS x(type text, payload jsonb)
       ), ${TIMER_STARTS_CTE}
       SELECT h.id, CASE WHEN $14 THEN pg_notify('${OUTBOX_CHANNEL}', '') END FROM h`;
    const params = [
      instanceId,
      toState,
      this.persist(next),
      entry.seq,
      hash,
      now,
      definition.version,
      event.type,
      entry.event,
      row.state,
      entry.actor,
      row.head_hash,
      JSON.stringify(outbox),
      outbox.length > 0 || timers.some((t) => t.kind === 'start'),
      plan.cancelled,
      plan.replaced,
      JSON.stringify(plan.started),
    ];
    // Nothing of the statement's answer is needed unless timers are written one by one after it: it then travels
    // with the command's next statement or its COMMIT (one round trip less).
    const deferred = plan.rest.length === 0 && deferWrite(tx, text, params);
    const historyId = deferred ? null : (await sql<{ id: string }>(tx, text, params)).rows[0].id;
    if (historyId !== null) await this.applyTimers(tx, instanceId, plan.rest, historyId, now);
    outcome('applied');
    const nextRow: InstanceRow = {
      ...row,
      state: toState,
      snapshot: this.persist(next),
      version: entry.seq,
      head_hash: hash,
      updated_at: now,
    };
    const nextLoaded: Loaded = { row: nextRow, definition, snapshot: next, view: this.view(nextRow) };
    const history = this.historyView({ ...entry, hash });
    const timerChange: TimerChange | undefined =
      plan.rest.length === 0
        ? {
            closed: [...plan.cancelled, ...plan.replaced],
            started: (plan.started as { key: string; due_at: Date }[]).map((t) => ({
              key: t.key,
              dueAt: t.due_at,
            })),
          }
        : undefined;
    await this.runProjections(tx, { instance: nextLoaded.view, history, timers: timerChange });

    for (const effect of effects) {
      if (effect.type !== 'sendEvent') continue;
      if (depth >= MAX_CASCADE_DEPTH)
        throw new Error(`workflow events cascade deeper than ${MAX_CASCADE_DEPTH}`);
      await this.sendIn(
        tx,
        effect.params.instanceId,
        effect.params.event,
        { actor: SYSTEM_ACTOR },
        depth + 1,
      );
    }

    return { instance: nextLoaded.view, history, allowedEvents: this.allowedEvents(nextLoaded, opts) };
  }

  /** The instance as this actor sees it: state, label, version and the events they may send now. */
  async read(instanceId: string, opts?: Omit<SendOptions, 'expectedVersion'>, tx?: Tx) {
    const loaded = await this.load(tx ?? this.dataSource.manager, instanceId, false);
    return { instance: loaded.view, allowedEvents: opts ? this.allowedEvents(loaded, opts) : [] };
  }

  /** The instance of a row the caller read itself (joined with its own table), checked against the registry. */
  viewOf(row: InstanceRow): InstanceView {
    return this.restore(row).view;
  }

  /** Many instances at once for list pages, with the events the actor may send on each. */
  async readMany(ids: string[], opts?: Omit<SendOptions, 'expectedVersion'>) {
    if (ids.length === 0) return new Map<string, { instance: InstanceView; allowedEvents: string[] }>();
    const rows: InstanceRow[] = await this.dataSource.query(
      `SELECT * FROM workflow_instances WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((row) => {
        const loaded = this.restore(row);
        return [
          row.id,
          { instance: loaded.view, allowedEvents: opts ? this.allowedEvents(loaded, opts) : [] },
        ];
      }),
    );
  }

  async history(instanceId: string, tx?: Tx): Promise<HistoryView[]> {
    const rows = await this.historyRows(tx ?? this.dataSource.manager, instanceId);
    return rows.map((r) => this.historyView(r));
  }

  /** Recomputes the instance's hash chain and compares its end with the instance row. */
  async verify(instanceId: string, tx?: Tx): Promise<ChainVerdict> {
    const manager = tx ?? this.dataSource.manager;
    const [row] = (await manager.query(
      `SELECT version, head_hash, state FROM workflow_instances WHERE id = $1`,
      [instanceId],
    )) as Pick<InstanceRow, 'version' | 'head_hash' | 'state'>[];
    if (!row) throw EngineErrors.instanceNotFound(instanceId);
    const entries = await this.historyRows(manager, instanceId);
    return verifyChain(entries, { hash: row.head_hash, version: row.version, state: row.state });
  }

  /**
   * Fires a due timer as an event. Locks the instance before the timer (the order `sendIn` uses) so that a
   * transition cancelling the timer and the timer firing cannot deadlock. Returns what happened.
   */
  async fireTimer(timerId: string): Promise<'fired' | 'ignored' | 'not_pending' | 'not_due'> {
    return this.transaction(async (tx) => {
      const { rows: found } = await sql<{ instance_id: string }>(
        tx,
        `SELECT instance_id FROM workflow_timers WHERE id = $1`,
        [timerId],
      );
      if (found.length === 0) return 'not_pending';
      await sql(tx, `SELECT 1 FROM workflow_instances WHERE id = $1 FOR UPDATE`, [found[0].instance_id]);
      const { rows } = await sql<{ status: string; due_at: Date; event: WorkflowEvent }>(
        tx,
        `SELECT status, due_at, event FROM workflow_timers WHERE id = $1 FOR UPDATE`,
        [timerId],
      );
      const timer = rows[0];
      if (timer.status !== 'pending') return 'not_pending';
      if (timer.due_at.getTime() > Date.now() + 1000) return 'not_due';
      let result: 'fired' | 'ignored' = 'fired';
      try {
        await this.sendIn(tx, found[0].instance_id, timer.event, {
          actor: { kind: 'system', id: 'system:timer' },
        });
      } catch (error) {
        // A refusal happens before any write, so the transaction is still usable.
        if (!(error instanceof DomainError)) throw error;
        result = 'ignored';
      }
      await sql(
        tx,
        `UPDATE workflow_timers SET status = 'fired', closed_at = now(), outcome = $2 WHERE id = $1`,
        [timerId, result],
      );
      return result;
    });
  }

  /** The events a person may send to an instance now: accepted by its state, not system-only, and entitled. */
  allowedEventsOf(instance: InstanceView, entitled?: Entitlement): string[] {
    const definition = findWorkflow(instance.machineId, instance.machineVersion)!;
    const snapshot = definition.machine.resolveState({
      value: instance.snapshotValue as never,
      context: instance.context as never,
    });
    return this.allowedEvents(
      { definition, snapshot, view: instance },
      { actor: { kind: 'user', id: '' }, entitled },
    );
  }

  allowedEvents(
    loaded: Pick<Loaded, 'definition' | 'snapshot' | 'view'>,
    opts: Pick<SendOptions, 'actor' | 'entitled'>,
  ) {
    return acceptedEventTypes(loaded.snapshot).filter((type) => {
      if (loaded.definition.events[type]?.system) return opts.actor.kind === 'system';
      return opts.entitled ? opts.entitled(type, loaded.view) : true;
    });
  }

  private async lock(tx: Tx, instanceId: string): Promise<Loaded> {
    return this.load(tx, instanceId, true);
  }

  /**
   * Locks the instance; when another command holds it, first refuses from the committed state what would be
   * refused anyway — a stale expected version (versions only grow), an actor not entitled, an event type the
   * state does not handle — so that a burst of conflicting commands is answered at once instead of queueing for
   * the row lock (each holding a pooled connection while it waits). Guards are evaluated only under the lock.
   */
  private async lockOrRefuse(
    tx: Tx,
    instanceId: string,
    event: WorkflowEvent,
    opts: SendOptions,
  ): Promise<Loaded> {
    if (!UUID.test(instanceId)) throw EngineErrors.instanceNotFound(instanceId);
    const rows = (await tx.query(`SELECT * FROM workflow_instances WHERE id = $1 FOR UPDATE SKIP LOCKED`, [
      instanceId,
    ])) as InstanceRow[];
    if (rows.length > 0) return this.restore(rows[0]);
    this.refuse(await this.load(tx, instanceId, false), event, opts, 'committed');
    return this.lock(tx, instanceId);
  }

  /**
   * For a caller that locks the instance itself (see `SendOptions.locked`) and found it held by another command:
   * refuses from the committed row what would be refused anyway, before it waits for the lock.
   */
  refuseCommitted(row: InstanceRow, event: WorkflowEvent, opts: SendOptions): void {
    this.refuse(this.restore(row), event, opts, 'committed');
  }

  /**
   * Throws the refusal of an event: stale version (412), system event or actor not entitled (403), event not
   * accepted (409). On the locked instance every check runs; on the committed state (not locked) only those that
   * stay true while other commands commit (guards are left to the check under the lock).
   */
  private refuse(loaded: Loaded, event: WorkflowEvent, opts: SendOptions, on: 'locked' | 'committed'): void {
    const { row, definition, snapshot, view } = loaded;
    const outcome = (o: string) =>
      this.metrics.transitions.inc({ machine: definition.id, event: event.type, outcome: o });
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
      if (on === 'committed' && opts.expectedVersion > row.version) return; // it may yet reach that version
      outcome('stale');
      throw EngineErrors.versionMismatch(opts.expectedVersion, row.version);
    }
    const allowed = () => this.allowedEvents(loaded, opts);
    const isSystemEvent = definition.events[event.type]?.system === true;
    if (
      (isSystemEvent && opts.actor.kind !== 'system') ||
      (opts.entitled && !opts.entitled(event.type, view))
    ) {
      outcome('forbidden');
      throw EngineErrors.notEntitled(event.type, allowed());
    }
    const accepted =
      on === 'locked' ? accepts(snapshot, event) : acceptedEventTypes(snapshot).includes(event.type);
    if (!accepted) {
      outcome('refused');
      const refusal = explainRefusal(definition, snapshot, event);
      throw EngineErrors.notAllowed(refusal.code, refusal.message, {
        state: row.state,
        event: event.type,
        allowedEvents: allowed(),
      });
    }
  }

  private async load(tx: Tx, instanceId: string, forUpdate: boolean): Promise<Loaded> {
    if (!UUID.test(instanceId)) {
      throw EngineErrors.instanceNotFound(instanceId);
    }
    const rows = (await tx.query(
      `SELECT * FROM workflow_instances WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [instanceId],
    )) as InstanceRow[];
    if (rows.length === 0) throw EngineErrors.instanceNotFound(instanceId);
    return this.restore(rows[0]);
  }

  /**
   * Restores a persisted snapshot after checking it against the registry: XState accepts a snapshot naming a
   * missing state and fails later, so an unknown machine, version or state is an error here.
   */
  private restore(row: InstanceRow): Loaded {
    const definition = findWorkflow(row.machine_id, row.machine_version);
    if (!definition) {
      throw new Error(
        `instance ${row.id} uses ${row.machine_id}@${row.machine_version}, which is not in the registry`,
      );
    }
    const snapshot = definition.machine.resolveState({
      value: row.snapshot.value as never,
      context: row.snapshot.context as never,
    });
    if (stateKey(snapshot.value) !== row.state) {
      throw new Error(`instance ${row.id}: snapshot state does not match the state column`);
    }
    return { row, definition, snapshot, view: this.view(row) };
  }

  private persist(snapshot: AnyMachineSnapshot): InstanceRow['snapshot'] {
    return {
      value: snapshot.value,
      context: snapshot.context as Record<string, unknown>,
      status: snapshot.status,
    };
  }

  private view(row: InstanceRow): InstanceView {
    const definition = findWorkflow(row.machine_id, row.machine_version)!;
    return {
      id: row.id,
      machineId: row.machine_id,
      machineVersion: row.machine_version,
      state: row.state,
      label: stateLabel(definition, row.state),
      status: row.snapshot.status === 'done' ? 'done' : 'active',
      version: row.version,
      context: row.snapshot.context,
      snapshotValue: row.snapshot.value,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private historyView(entry: ChainedEntry & { hash: string }): HistoryView {
    return {
      seq: entry.seq,
      eventType: entry.eventType,
      event: entry.event,
      fromState: entry.fromState,
      toState: entry.toState,
      actor: entry.actor as unknown as Actor,
      at: entry.createdAt.toISOString(),
      prevHash: entry.prevHash,
      hash: entry.hash,
    };
  }

  private async historyRows(manager: EntityManager, instanceId: string) {
    const rows = (await manager.query(
      `SELECT instance_id, seq, machine_version, event_type, event, from_state, to_state, actor, created_at, prev_hash, hash
         FROM workflow_history WHERE instance_id = $1 ORDER BY seq`,
      [instanceId],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      instanceId: r.instance_id as string,
      seq: r.seq as number,
      machineVersion: r.machine_version as number,
      eventType: r.event_type as string,
      event: r.event as Record<string, unknown>,
      fromState: r.from_state as string | null,
      toState: r.to_state as string,
      actor: r.actor as Record<string, unknown>,
      createdAt: r.created_at as Date,
      prevHash: r.prev_hash as string,
      hash: r.hash as string,
    }));
  }

  private outboxRows(
    effects: Effect[],
    transitionInfo?: { eventType: string; fromState: string; toState: string },
  ) {
    return effects
      .filter((e) => e.type === 'notify')
      .map((e) => ({ type: e.type, payload: { ...e.params, ...(transitionInfo ?? {}) } }));
  }

  private async applyTimers(tx: Tx, instanceId: string, ops: TimerOp[], historyId: string, now: Date) {
    for (const op of ops) {
      const key = op.kind === 'cancel' ? op.key : op.params.key;
      await sql(
        tx,
        `UPDATE workflow_timers SET status = 'cancelled', closed_at = $3, outcome = $4
          WHERE instance_id = $1 AND key IN ($2::text, $2::text || ':reminder') AND status = 'pending'`,
        [instanceId, key, now, op.kind === 'cancel' ? 'cancelled' : 'replaced'],
      );
      if (op.kind === 'cancel') continue;
      const rows: unknown[][] = [[randomUUID(), key, op.params.event, op.startedAt, op.dueAt]];
      if (op.reminderAt) {
        rows.push([randomUUID(), `${key}:reminder`, { type: 'REMINDER', key }, op.startedAt, op.reminderAt]);
      }
      const values = rows.map(
        (_, i) => `($${i * 5 + 3}, $1, $${i * 5 + 4}, $${i * 5 + 5}, $${i * 5 + 6}, $${i * 5 + 7}, $2)`,
      );
      await sql(
        tx,
        `INSERT INTO workflow_timers (id, instance_id, key, event, started_at, due_at, created_history_id) VALUES ${values.join(', ')}`,
        [instanceId, historyId, ...rows.flat()],
      );
    }
  }
}
