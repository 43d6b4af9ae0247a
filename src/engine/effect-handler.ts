import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const EFFECT_HANDLER = Symbol('thidua:effect-handler');

/** An outbox row as handed to its handler. */
export interface OutboxRecord {
  id: string;
  instanceId: string;
  historyId: string;
  effectType: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** The machine of the instance (read with the row). */
  machineId?: string;
}

/**
 * Delivers one kind of outbox effect. `handle` runs inside the transaction that marks the row done, so a
 * handler that only writes to the database is exactly-once; anything external must be idempotent by the row id.
 */
export interface EffectHandler {
  handle(record: OutboxRecord, tx: EntityManager): Promise<void>;
}

/** Declares the provider that delivers an effect type. Start-up fails if a type has no handler or two. */
export const HandlesEffect = (effectType: string) => SetMetadata(EFFECT_HANDLER, effectType);

/** Effect types that go through the outbox (timers and cross-workflow events are handled by the engine). */
export const OUTBOX_EFFECT_TYPES = ['notify'] as const;
