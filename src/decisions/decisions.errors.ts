import { DomainError } from '../common/errors';

export const DecisionErrors = {
  notEntitled: (kind: string) =>
    new DomainError(
      'forbidden',
      'DECISION.NOT_ENTITLED',
      `Your role does not record ${kind} decisions: the Government Office records the Prime Minister's, the Council's secretary the Council's, a cluster leader its acceptances`,
    ),
  invalid: (field: string, problem: string) =>
    new DomainError('unprocessable', 'DECISION.INVALID', problem, {
      fields: [{ field, problems: [problem] }],
    }),
  refused: (refusals: { nominationId: string; code: string; message: string; details?: unknown }[]) =>
    new DomainError(
      'conflict',
      'DECISION.REFUSED',
      `${refusals.length} nomination(s) cannot take this decision; nothing was recorded`,
      { refusals },
    ),
  notFound: (id: string) => new DomainError('not_found', 'DECISION.NOT_FOUND', `No decision ${id}`),
};
