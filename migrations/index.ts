import { Engine1764140000000 } from './1764140000000-engine';
import { HistoryAppendOnly1764140000001 } from './1764140000001-history-append-only';
import { CalendarSeed1764140000002 } from './1764140000002-calendar-seed';
import { Domain1764150000000 } from './1764150000000-domain';
import { ReferenceData1764150000001 } from './1764150000001-reference-data';
import { Voting1764160000000 } from './1764160000000-voting';
import { Deliveries1764170000000 } from './1764170000000-deliveries';
import { Reports1764180000000 } from './1764180000000-reports';
import { ListIndexes1764190000000 } from './1764190000000-list-indexes';
import { AuditLog1764200000000 } from './1764200000000-audit-log';
import { SealedBallots1764200000001 } from './1764200000001-sealed-ballots';
import { CalendarYears1764200000002 } from './1764200000002-calendar-years';
import { RepublishBallots1764200000003 } from './1764200000003-republish-ballots';
import { NoTruncate1764200000004 } from './1764200000004-no-truncate';
import { Accounts1764220000000 } from './1764220000000-accounts';
import { Authority1764230000000 } from './1764230000000-authority';
import { Records1764240000000 } from './1764240000000-records';
import { Register1764250000000 } from './1764250000000-register';
import { AwardLadder1764250000001 } from './1764250000001-award-ladder';
import { DeadLetters1764268000000 } from './1764268000000-dead-letters';
import { NomineeDetails1764300000000 } from './1764300000000-nominee-details';
import { PolicySourcesVi1764300000001 } from './1764300000001-policy-sources-vi';
import { DossierNumbersPast99991764310000000 } from './1764310000000-dossier-numbers-past-9999';
import { UnreadBySubject1764320000000 } from './1764320000000-unread-by-subject';

/** Every migration in order; listed explicitly so the app, the CLI and the tests load the same set. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Engine1764140000000,
  HistoryAppendOnly1764140000001,
  CalendarSeed1764140000002,
  Domain1764150000000,
  ReferenceData1764150000001,
  Voting1764160000000,
  Deliveries1764170000000,
  Reports1764180000000,
  ListIndexes1764190000000,
  AuditLog1764200000000,
  SealedBallots1764200000001,
  CalendarYears1764200000002,
  RepublishBallots1764200000003,
  NoTruncate1764200000004,
  Accounts1764220000000,
  Authority1764230000000,
  Records1764240000000,
  Register1764250000000,
  AwardLadder1764250000001,
  DeadLetters1764268000000,
  NomineeDetails1764300000000,
  PolicySourcesVi1764300000001,
  DossierNumbersPast99991764310000000,
  UnreadBySubject1764320000000,
];
