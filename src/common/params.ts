import { type PipeTransform, Injectable } from '@nestjs/common';
import { DomainError } from './errors';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names nothing: 404, like an id that does not exist. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new DomainError('not_found', 'REQUEST.NOT_FOUND', 'Nothing has this id');
    }
    return value.toLowerCase();
  }
}

/** A year in a path: four digits within a sane range, else 400. */
@Injectable()
export class YearParam implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= 1945 && year <= 2200)) {
      throw new DomainError('invalid', 'REQUEST.VALIDATION_FAILED', 'year must be a four-digit year', {
        fields: [{ field: 'year', problems: ['year must be a four-digit year between 1945 and 2200'] }],
      });
    }
    return year;
  }
}
