import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors';
import type { OrganizationKind } from '../organizations/organization.entity';
import { DocumentRegisterEntity } from './document-register.entity';

/** The abbreviation of the kind of document in its symbol (Decree 30/2020, Appendix III). */
export const KIND_SYMBOLS = {
  minutes: 'BB',
  proposal: 'TTr',
  list: 'DS',
  decision: 'QĐ',
} as const;
export type RegisteredKind = keyof typeof KIND_SYMBOLS;

/** The abbreviation of the issuing body in the symbol, by the kind of organisation. */
const ISSUER_SYMBOLS: Partial<Record<OrganizationKind, string>> = {
  cluster: 'CTĐ',
  block: 'KTĐ',
  board: 'BTĐKT',
  council: 'HĐTĐKT',
  government_office: 'TTg',
  province: 'UBND',
};

export const symbolOf = (kind: RegisteredKind, issuerKind: OrganizationKind) =>
  `${KIND_SYMBOLS[kind]}-${ISSUER_SYMBOLS[issuerKind] ?? 'TĐKT'}`;

/** `05/BB-CTĐ`: numbers below 10 take a leading zero. */
export const formatNumber = (seq: number, symbol: string) => `${String(seq).padStart(2, '0')}/${symbol}`;

const NUMBER = /^0*([1-9]\d{0,8})\/([\p{L}\p{N}][\p{L}\p{N}-]{0,38})$/u;

export const RegisterErrors = {
  numberTaken: (number: string, year: number) =>
    new DomainError(
      'conflict',
      'DOCUMENT.NUMBER_TAKEN',
      `The number ${number} is already in the register for ${year}`,
      { number, year, fields: [{ field: 'number', problems: ['this number is already registered'] }] },
    ),
  badNumber: (number: string) =>
    new DomainError(
      'invalid',
      'DOCUMENT.NUMBER_INVALID',
      `${number} is not a document number like 12/QĐ-TTg`,
      {
        fields: [{ field: 'number', problems: ['a number and a symbol, like 1624/QĐ-TTg'] }],
      },
    ),
};

export interface RegisterEntry {
  issuerId: string;
  kind: RegisteredKind;
  symbol: string;
  date: string;
  subjectType: string;
  subjectId: string;
  recordedBy: string | null;
}

/**
 * Allocates and records document numbers, per issuer and year, each at most once. Allocation takes a transaction
 * lock on the issuer's year, so concurrent documents get consecutive numbers; the primary key refuses the rest.
 */
@Injectable()
export class DocumentRegister {
  /** The next number of the issuer's year (the year of the document's date). */
  async allocate(tx: EntityManager, entry: RegisterEntry): Promise<string> {
    const year = Number(entry.date.slice(0, 4));
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`register:${entry.issuerId}:${year}`]);
    const [{ seq }] = (await tx.query(
      `SELECT coalesce(max(seq), 0) + 1 AS seq FROM document_register WHERE issuer_id = $1 AND year = $2`,
      [entry.issuerId, year],
    )) as { seq: number }[];
    await this.insert(tx, entry, year, seq);
    return formatNumber(seq, entry.symbol);
  }

  /** Records a number the document already bears (a decision numbered by its issuer); refused when taken. */
  async record(tx: EntityManager, entry: Omit<RegisterEntry, 'symbol'>, number: string): Promise<string> {
    const match = NUMBER.exec(number.trim());
    if (!match) throw RegisterErrors.badNumber(number);
    const year = Number(entry.date.slice(0, 4));
    const seq = Number(match[1]);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`register:${entry.issuerId}:${year}`]);
    const taken = (await tx.query(
      `SELECT 1 FROM document_register WHERE issuer_id = $1 AND year = $2 AND seq = $3`,
      [entry.issuerId, year, seq],
    )) as unknown[];
    const formatted = formatNumber(seq, match[2]);
    if (taken.length > 0) throw RegisterErrors.numberTaken(formatted, year);
    await this.insert(tx, { ...entry, symbol: match[2] }, year, seq);
    return formatted;
  }

  private async insert(tx: EntityManager, entry: RegisterEntry, year: number, seq: number): Promise<void> {
    await tx.getRepository(DocumentRegisterEntity).insert({
      issuerId: entry.issuerId,
      year,
      seq,
      symbol: entry.symbol,
      kind: entry.kind,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      documentDate: entry.date,
      recordedBy: entry.recordedBy,
      recordedAt: new Date(),
    });
  }
}
