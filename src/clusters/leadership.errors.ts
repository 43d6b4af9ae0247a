import { DomainError } from '../common/errors';

export const LeadershipErrors = {
  notOutgoing: () =>
    new DomainError(
      'forbidden',
      'CLUSTER.NOT_OUTGOING_LEADERSHIP',
      "Only the administrator, or the leader or a deputy of the year before, records a year's leadership",
    ),
  installed: (year: number) =>
    new DomainError(
      'conflict',
      'CLUSTER.LEADERSHIP_INSTALLED',
      `The ${year} leadership is installed; only the administrator changes it, with a reason`,
    ),
  noResult: (year: number) =>
    new DomainError(
      'conflict',
      'CLUSTER.NO_RESULT',
      `The ${year - 1} results name no single leading unit: the administrator records what the conference decided`,
    ),
  notProposed: (proposedLeaderId: string) =>
    new DomainError(
      'unprocessable',
      'CLUSTER.LEADER_NOT_PROPOSED',
      "The leader must be the unit the year's result proposes",
      { proposedLeaderId },
    ),
  deputiesNotProposed: (proposedDeputyIds: string[]) =>
    new DomainError(
      'unprocessable',
      'CLUSTER.DEPUTIES_NOT_PROPOSED',
      "The deputies must be those the year's result proposes; the administrator records any other choice of the conference",
      { proposedDeputyIds },
    ),
  reasonRequired: () =>
    new DomainError('invalid', 'CLUSTER.REASON_REQUIRED', 'Changing an installed leadership needs a reason', {
      fields: [{ field: 'reason', problems: ['reason is required to change an installed leadership'] }],
    }),
};
