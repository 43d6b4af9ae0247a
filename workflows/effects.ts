/**
 * Effects are descriptions. A machine names them as actions; the engine turns each one into an outbox row or a
 * timer row written in the same transaction as the new snapshot, and nothing is executed inside the machine.
 */

/** A message for people; the notifications module decides who receives it and on which channel. */
export interface NotifyParams {
  template: string;
  data?: Record<string, unknown>;
}

/**
 * A deadline. Exactly one of `workingDays`, `at` (ISO instant) or `ms` sets when it fires. A timer with the same
 * key on the same instance replaces the pending one.
 */
export interface StartTimerParams {
  key: string;
  event: { type: string; [key: string]: unknown };
  workingDays?: number;
  at?: string;
  ms?: number;
  /** Share of the delay after which a reminder is sent (0 < share < 1). */
  remindAtShare?: number;
  /** Count from the start of the pending timer with this key instead of now (a limit that grows). */
  keepStart?: boolean;
}

export interface CancelTimerParams {
  key: string;
}

/** An event for another workflow instance, applied inside the same database transaction. */
export interface SendEventParams {
  instanceId: string;
  event: { type: string; [key: string]: unknown };
}

export const EFFECT_TYPES = ['notify', 'startTimer', 'cancelTimer', 'sendEvent'] as const;
export type EffectType = (typeof EFFECT_TYPES)[number];

export type Effect =
  | { type: 'notify'; params: NotifyParams }
  | { type: 'startTimer'; params: StartTimerParams }
  | { type: 'cancelTimer'; params: CancelTimerParams }
  | { type: 'sendEvent'; params: SendEventParams };

/** No-op implementations: the engine interprets the returned action objects, XState never runs them. */
export const effectActions = {
  notify: (_: unknown, _params: NotifyParams) => undefined,
  startTimer: (_: unknown, _params: StartTimerParams) => undefined,
  cancelTimer: (_: unknown, _params: CancelTimerParams) => undefined,
  sendEvent: (_: unknown, _params: SendEventParams) => undefined,
};

export function isEffect(action: { type: string }): action is Effect {
  return (EFFECT_TYPES as readonly string[]).includes(action.type);
}
