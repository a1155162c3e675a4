import { DataDirLockedError } from '@/db/pglite-lock';
import { ConfigError } from '@/lib/config';
import { SecretDecryptError } from '@/lib/crypto/at-rest';
import { isAppError } from '@/lib/errors';

/** A mistake in how the command was typed: printed with the command's usage. */
export class UsageError extends Error {}

/** A failure explained in full, naming the fix: printed alone. */
export class ReportedError extends Error {}

/** parseArgs' own errors (unknown option, missing value) are usage mistakes too. */
export function isUsageMistake(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof TypeError && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Errors whose message already tells the operator what to do. */
export function isExplained(error: unknown): error is Error {
  return (
    error instanceof ReportedError ||
    error instanceof DataDirLockedError ||
    error instanceof ConfigError ||
    error instanceof SecretDecryptError ||
    isAppError(error)
  );
}
