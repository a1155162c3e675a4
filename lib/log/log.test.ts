import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { runWithRequest } from '@/lib/observability/request-context';
import { loggerOptions, logLevelFrom } from '.';

/** A logger with the real options, writing its lines into an array. */
function capture(level = logLevelFrom('info')) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino(loggerOptions(level), stream), lines };
}

describe('the logger', () => {
  it('writes one JSON object per line with a level name and an ISO time', () => {
    const { logger, lines } = capture();
    logger.info({ awardId: 'a1' }, 'award revoked');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'award revoked', awardId: 'a1', pid: process.pid });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(lines[0]).not.toHaveProperty('requestId');
  });

  it('puts the request id on every line logged while a request is handled, child loggers too', async () => {
    const { logger, lines } = capture();
    await runWithRequest({ requestId: 'req-42' }, async () => {
      logger.info('first');
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.child({ component: 'outbox' }).warn('second');
    });
    logger.info('after');
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ['first', 'req-42'],
      ['second', 'req-42'],
      ['after', undefined],
    ]);
    expect(lines[1]?.component).toBe('outbox');
  });

  it('keeps query parameters and driver details of an error out of the line', () => {
    const { logger, lines } = capture();
    const query = new Error(
      'Failed query: insert into "users" ("email") values ($1)\nparams: sam@example.org',
    );
    const driver = Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), {
      code: '23505',
      detail: 'Key (email)=(sam@example.org) already exists.',
      parameters: ['sam@example.org'],
    });
    query.cause = driver;
    logger.error({ err: query }, 'could not insert');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('sam@example.org');
    expect(lines[0]?.err).toMatchObject({
      type: 'Error',
      message: 'Failed query: insert into "users" ("email") values ($1)\nparams: [not logged]',
      cause: { code: '23505', message: 'duplicate key value violates unique constraint "users_email"' },
    });
    const err = lines[0]?.err as { stack?: string } | undefined;
    expect(err?.stack).toMatch(/^ {4}at /);
  });

  it('redacts fields that never belong in a log, whoever adds them', () => {
    const { logger, lines } = capture();
    logger.info(
      { email: 'sam@example.org', user: { email: 'x@example.org', token: 't0k' }, password: 'p' },
      'oops',
    );
    expect(JSON.stringify(lines[0])).not.toMatch(/example\.org|t0k|"p"/);
  });

  it('takes LOG_LEVEL, and falls back to info for anything else', () => {
    expect(logLevelFrom('warn')).toBe('warn');
    expect(logLevelFrom(' DEBUG ')).toBe('debug');
    expect(logLevelFrom('silent')).toBe('silent');
    expect(logLevelFrom('verbose')).toBe('info');
    expect(logLevelFrom(undefined)).toBe('info');
    const { logger, lines } = capture('warn');
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
