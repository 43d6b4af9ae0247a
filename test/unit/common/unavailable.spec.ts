import { nestedDeeperThan } from '../../../src/app.factory';
import { mapError } from '../../../src/common/http-exception.filter';
import { isUnavailableError } from '../../../src/common/unavailable';

describe('database-unavailable errors', () => {
  const cases: [string, unknown][] = [
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a refused connection to every address (AggregateError, empty message)',
      Object.assign(new AggregateError([Object.assign(new Error(''), { code: 'ECONNREFUSED' })], ''), {}),
    ],
    [
      'the server shutting down (57P01)',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    [
      'the server starting up (57P03)',
      { message: 'the database system is starting up', driverError: { code: '57P03' } },
    ],
    ['a connection ended mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not hand out a connection', new Error('timeout exceeded when trying to connect')],
    [
      'a transaction whose connection was lost (TypeORM)',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
    ],
    [
      'a query on a released runner (TypeORM)',
      Object.assign(new Error('Database connection provided by a query runner was already released'), {
        name: 'QueryRunnerProviderAlreadyReleasedError',
      }),
    ],
  ];
  it.each(cases)('%s answers 503 with SERVICE.UNAVAILABLE', (_, error) => {
    expect(isUnavailableError(error)).toBe(true);
    expect(mapError(error)).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
  });

  it('leaves other errors alone', () => {
    expect(isUnavailableError(new Error('boom'))).toBe(false);
    expect(isUnavailableError({ code: '23505', message: 'duplicate key' })).toBe(false);
    expect(mapError(new Error('boom')).status).toBe(500);
    expect(mapError({ code: '22P02', message: 'invalid input syntax' }).status).toBe(400);
  });
});

describe('body depth', () => {
  it('measures nesting without recursion', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(nestedDeeperThan(deep, 32)).toBe(true);
    expect(nestedDeeperThan({ a: [{ b: { c: 1 } }] }, 32)).toBe(false);
    expect(nestedDeeperThan('text', 1)).toBe(false);
    expect(nestedDeeperThan(undefined, 1)).toBe(false);
  });
});
