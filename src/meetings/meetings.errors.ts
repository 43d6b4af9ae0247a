import { DomainError } from '../common/errors';

export const MeetingErrors = {
  notFound: (id: string) => new DomainError('not_found', 'MEETING.NOT_FOUND', `No meeting ${id}`),
  notOrganizer: () =>
    new DomainError(
      'forbidden',
      'MEETING.NOT_ORGANIZER',
      "A cluster's conference is recorded by its leadership of that year; a Council session by its secretary",
    ),
  dateInFuture: (date: string) =>
    new DomainError(
      'unprocessable',
      'MEETING.DATE_IN_FUTURE',
      `The meeting of ${date} has not taken place yet`,
      {
        fields: [{ field: 'heldOn', problems: ['heldOn must be today or earlier (Vietnam time)'] }],
      },
    ),
  invalid: (message: string, field: string) =>
    new DomainError('unprocessable', 'MEETING.INVALID', message, {
      fields: [{ field, problems: [message] }],
    }),
};
