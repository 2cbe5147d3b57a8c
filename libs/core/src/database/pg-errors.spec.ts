import { QueryFailedError } from 'typeorm';
import { databaseProblem } from '../errors/problem.filter';
import { isDatabaseUnavailable, isRejectedValue, isRetryableTransactionError } from './pg-errors';

const pg = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const typeorm = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('database errors', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'crash shutdown'],
    ['57P03', 'the database system is starting up'],
    ['08006', 'connection failure'],
    ['08001', 'unable to connect'],
    ['53300', 'too many connections'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['ECONNRESET', 'read ECONNRESET'],
  ])('%s is the database being unavailable (503 with Retry-After)', (code, message) => {
    expect(isDatabaseUnavailable(pg(code, message))).toBe(true);
    expect(isDatabaseUnavailable(typeorm(pg(code, message)))).toBe(true);
    expect(databaseProblem(typeorm(pg(code, message)))).toMatchObject({
      status: 503,
      type: '/problems/database-unavailable',
      retryAfterSeconds: 5,
    });
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'timeout expired',
    'Client has encountered a connection error and is not queryable',
  ])('pg\'s "%s" is the database being unavailable', (message) => {
    expect(databaseProblem(new Error(message))?.status).toBe(503);
  });

  it('an AggregateError of refused connections (IPv4 and IPv6) is unavailable', () => {
    const error = new AggregateError([pg('ECONNREFUSED'), pg('ECONNREFUSED')], '');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each(['22021', '22P05', '22P02', '22003', '22007', '22025', '54000'])(
    '%s is a value the client sent (400)',
    (code) => {
      expect(isRejectedValue(typeorm(pg(code)))).toBe(true);
      expect(databaseProblem(typeorm(pg(code)))).toMatchObject({ status: 400, type: '/problems/rejected-value' });
    },
  );

  it('serialisation failures and deadlocks are retried, and 503 when they keep failing', () => {
    expect(isRetryableTransactionError(typeorm(pg('40001')))).toBe(true);
    expect(isRetryableTransactionError(typeorm(pg('40P01')))).toBe(true);
    expect(databaseProblem(typeorm(pg('40P01')))?.status).toBe(503);
  });

  it('anything else stays a bug (a 500 that is logged)', () => {
    expect(databaseProblem(typeorm(pg('42P01', 'relation does not exist')))).toBeNull();
    expect(databaseProblem(typeorm(pg('23505', 'duplicate key')))).toBeNull();
    expect(databaseProblem(typeorm(pg('08P01', 'bind message supplies 2 parameters')))).toBeNull();
    expect(databaseProblem(new TypeError('x is undefined'))).toBeNull();
  });
});
