import { assign, setup } from 'xstate';
import type { WorkflowDefinition } from './definition';
import { effectActions } from './effects';

export interface AgreementContext {
  agreementId: string;
  members: string[];
  signed: string[];
}

export type AgreementEvent = { type: 'SIGN'; organizationId: string } | { type: 'CANCEL'; reason: string };

/**
 * The year's emulation agreement (giao ước thi đua) of a cluster: every member signs; it is in force when the
 * last one does.
 */
export const agreementMachine = setup({
  types: {
    context: {} as AgreementContext,
    events: {} as AgreementEvent,
    input: {} as { agreementId: string; members: string[] },
  },
  guards: {
    isUnsignedMember: ({ context, event }) =>
      event.type === 'SIGN' &&
      context.members.includes(event.organizationId) &&
      !context.signed.includes(event.organizationId),
    completesSignatures: ({ context, event }) =>
      event.type === 'SIGN' &&
      context.members.every((m) => m === event.organizationId || context.signed.includes(m)),
    hasReason: ({ event }) =>
      event.type === 'CANCEL' && typeof event.reason === 'string' && event.reason.trim().length > 0,
  },
  actions: {
    ...effectActions,
    recordSignature: assign({
      signed: ({ context, event }) =>
        event.type === 'SIGN' ? [...context.signed, event.organizationId] : context.signed,
    }),
  },
}).createMachine({
  id: 'agreement',
  version: '1',
  initial: 'signing',
  context: ({ input }) => ({ agreementId: input.agreementId, members: input.members, signed: [] }),
  states: {
    signing: {
      meta: { label: { vi: 'Đang ký giao ước', en: 'Being signed' } },
      on: {
        SIGN: [
          {
            target: 'inForce',
            guard: 'completesSignatures',
            actions: ['recordSignature', { type: 'notify', params: { template: 'agreement.inForce' } }],
          },
          { guard: 'isUnsignedMember', actions: ['recordSignature'] },
        ],
        CANCEL: { target: 'cancelled', guard: 'hasReason' },
      },
    },
    inForce: { type: 'final', meta: { label: { vi: 'Có hiệu lực', en: 'In force' } } },
    cancelled: { type: 'final', meta: { label: { vi: 'Đã hủy', en: 'Cancelled' } } },
  },
});

export const agreementWorkflow: WorkflowDefinition<typeof agreementMachine> = {
  id: 'agreement',
  version: 1,
  machine: agreementMachine,
  events: {
    SIGN: { label: { vi: 'Ký giao ước', en: 'Sign' } },
    CANCEL: { label: { vi: 'Hủy', en: 'Cancel' } },
  },
  guardErrors: {
    isUnsignedMember: {
      code: 'AGREEMENT.ALREADY_SIGNED',
      message: 'This member has already signed, or is not a member',
    },
    completesSignatures: {
      code: 'AGREEMENT.ALREADY_SIGNED',
      message: 'This member has already signed, or is not a member',
    },
    hasReason: { code: 'AGREEMENT.REASON_REQUIRED', message: 'Cancelling needs a reason' },
  },
};
