import { localDate } from '../calendar/working-days';
import { type FieldProblem, validationFailed } from '../common/input-hygiene';
import { isDate } from '../register/persons.service';
import type { NominationEntity } from './nomination.entity';
import type { NomineeDto } from './nominations.dto';

/** What an individual's dossier states about the person (the register keeps name, gender, birth date, position). */
export interface NomineeDetails {
  birthDate: string | null;
  hometown: string | null;
  ethnicity: string | null;
  serviceYears: number | null;
}

const REQUIRED = ['fullName', 'gender', 'position'] as const;

/**
 * An individual nominee needs a name, a gender and a position: each missing one is named as a field problem,
 * as the request's own validation names them, so that a form shows it next to its field. A date of birth must be
 * a real day that has passed.
 */
export function assertNomineeComplete(nominee: NomineeDto, today = localDate(new Date())): void {
  const problems = nomineeProblems(nominee, today);
  if (problems.length > 0) throw validationFailed(problems);
}

/** The problems `assertNomineeComplete` refuses, for a form that shows them with its own. */
export function nomineeProblems(nominee: NomineeDto, today = localDate(new Date())): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (nominee.kind === 'individual') {
    for (const field of REQUIRED) {
      const value = nominee[field];
      if (value === undefined || (typeof value === 'string' && value.trim() === ''))
        problems.push({
          field: `nominee.${field}`,
          problems: [`${field} is required for an individual nominee`],
        });
    }
  }
  if (nominee.birthDate !== undefined && (!isDate(nominee.birthDate) || nominee.birthDate >= today))
    problems.push({ field: 'nominee.birthDate', problems: ['birthDate must be a past date (YYYY-MM-DD)'] });
  return problems;
}

const text = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());

/** The columns of a new nomination: the details of an individual, none for a collective. */
export function nomineeDetailColumns(
  nominee: NomineeDto,
): Pick<
  NominationEntity,
  'nomineeBirthDate' | 'nomineeHometown' | 'nomineeEthnicity' | 'nomineeServiceYears'
> {
  const individual = nominee.kind === 'individual';
  return {
    nomineeBirthDate: individual ? (nominee.birthDate ?? null) : null,
    nomineeHometown: individual ? text(nominee.hometown) : null,
    nomineeEthnicity: individual ? text(nominee.ethnicity) : null,
    nomineeServiceYears: individual ? (nominee.serviceYears ?? null) : null,
  };
}

export const nomineeDetailsView = (n: NominationEntity): NomineeDetails => ({
  birthDate: n.nomineeBirthDate ?? null,
  hometown: n.nomineeHometown ?? null,
  ethnicity: n.nomineeEthnicity ?? null,
  serviceYears: n.nomineeServiceYears ?? null,
});
