import { DomainError } from '../common/errors';

export const OrganizationErrors = {
  notFound: (id: string) => new DomainError('not_found', 'ORGANIZATION.NOT_FOUND', `No organisation ${id}`),
  codeTaken: (code: string) =>
    new DomainError('conflict', 'ORGANIZATION.CODE_TAKEN', `An organisation with code ${code} exists`),
  alreadyEnded: (id: string) =>
    new DomainError('conflict', 'ORGANIZATION.ALREADY_ENDED', `Organisation ${id} has already ended`),
  invalidSuccessor: (reason: string) =>
    new DomainError('unprocessable', 'ORGANIZATION.INVALID_SUCCESSOR', `Invalid successor: ${reason}`, {
      reason,
    }),
  notACluster: (id: string) =>
    new DomainError(
      'unprocessable',
      'ORGANIZATION.NOT_A_CLUSTER',
      `Organisation ${id} is not a cluster or block`,
    ),
  invalidMembers: (reason: string) =>
    new DomainError(
      'unprocessable',
      'ORGANIZATION.INVALID_MEMBERS',
      `Invalid cluster membership: ${reason}`,
      {
        reason,
      },
    ),
  ended: () =>
    new DomainError(
      'forbidden',
      'ORGANIZATION.ENDED',
      'Your organisation has ended; its successor continues its work',
    ),
  endedBy: (facts: {
    organization: { id: string; nameVi: string; nameEn: string };
    endedOn: string | null;
    successor: { id: string; nameVi: string; nameEn: string } | null;
  }) =>
    new DomainError(
      'forbidden',
      'ORGANIZATION.ENDED',
      facts.successor
        ? `${facts.organization.nameEn} ended on ${facts.endedOn} (merged into ${facts.successor.nameEn}); the people of ${facts.successor.nameEn} act in its place`
        : `${facts.organization.nameEn} ended on ${facts.endedOn}`,
      facts,
    ),
};
