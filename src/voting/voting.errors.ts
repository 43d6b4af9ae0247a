import { DomainError } from '../common/errors';

export const VotingErrors = {
  notFound: (id: string) =>
    new DomainError('not_found', 'VOTING.SESSION_NOT_FOUND', `No voting session ${id}`),
  notLeader: () =>
    new DomainError(
      'forbidden',
      'VOTING.NOT_LEADER',
      'Only the cluster leadership of that year may run its vote',
    ),
  notVoter: () =>
    new DomainError(
      'forbidden',
      'VOTING.NOT_A_VOTER',
      'Ballots are cast by a member delegate (CLUSTER_VOTER)',
    ),
  notEligible: () =>
    new DomainError(
      'forbidden',
      'VOTING.NOT_ELIGIBLE',
      'Your organisation is not a member of this cluster in this year',
    ),
  notOpen: (state: string) =>
    new DomainError('conflict', 'VOTING.NOT_OPEN', 'The session is not open for ballots', { state }),
  alreadyVoted: () =>
    new DomainError('conflict', 'VOTING.ALREADY_VOTED', 'Your organisation has already voted in this round'),
  ballotsUnreadable: () =>
    new DomainError(
      'unavailable',
      'VOTING.BALLOTS_UNREADABLE',
      "The round's sealed ballots cannot be opened with this server's ballot secret: restore BALLOT_SECRET (or JWT_SECRET) as it was when they were cast",
    ),
  invalid: (code: string, message: string, details?: Record<string, unknown>) =>
    new DomainError('unprocessable', `VOTING.${code}`, message, details),
  noQuorum: (turnout: number, required: number) =>
    new DomainError(
      'conflict',
      'VOTING.NO_QUORUM',
      `Only ${turnout} members voted; ${required} are needed to close`,
      {
        turnout,
        required,
      },
    ),
};
