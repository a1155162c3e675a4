import pino from 'pino';
import { currentRequestId } from '@/lib/observability/request-context';
import { serializeError } from './serialize-error';

/**
 * The one logger: JSON lines on stdout, one object per line, with `requestId` on every line logged
 * while a request is handled (lib/observability/request-context.ts). Use it as
 * `log.info({ awardId }, 'award revoked')`, `log.error({ err }, 'could not sign')`, or
 * `log.child({ component: 'outbox' })` for a part of the system.
 *
 * Never log personal data: no email addresses, names, tokens, passwords, request bodies or raw
 * URLs (a claim link is a secret). Ids (award, issuer, key id) are fine. Errors go under `err`;
 * their serializer keeps the class, code, message and stack but drops the properties drivers
 * attach (a failed query's parameters, a constraint's `detail` naming the value).
 *
 * LOG_LEVEL (fatal, error, warn, info, debug, trace, silent; default info) is read from the
 * environment directly, not through getConfig(): logging must work before and without a valid
 * configuration, and the build imports this module too.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function logLevelFrom(value: string | undefined, fallback: LogLevel = 'info'): LogLevel {
  const level = value?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevel) : fallback;
}

/** Options for a logger writing to `destination`; exported for tests that capture the lines. */
export function loggerOptions(level: LogLevel): pino.LoggerOptions {
  return {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    serializers: { err: serializeError, error: serializeError },
    // A second net: these never belong in a log line, whoever adds them.
    redact: {
      paths: [
        'email',
        '*.email',
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.cookie',
        'body',
      ],
      censor: '[redacted]',
    },
  };
}

const holder = globalThis as unknown as { laurelLog?: pino.Logger };

/** The process's logger (one per process, shared by every bundle that imports this module). */
holder.laurelLog ??= pino(loggerOptions(logLevelFrom(process.env.LOG_LEVEL)));
export const log: pino.Logger = holder.laurelLog;

export type Logger = pino.Logger;
