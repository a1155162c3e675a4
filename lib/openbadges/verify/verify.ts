import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { FetchError } from '@/lib/net/types';
import { Halt, verdictOf } from './checks';
import { createContext, type FoundBadge, type VerifyContext, type VerifyOptions } from './context';
import { isUnreachable } from './fetch-json';
import { verifyFile } from './file-input';
import { readPayload, verifyPayload } from './input';
import type { VerificationReport, VerifyInput } from './types';

export type { FoundBadge, VerifyOptions };

async function verifyInput(ctx: VerifyContext, input: VerifyInput): Promise<void> {
  if (input.kind === 'url') return verifyPayload(ctx, { kind: 'url', url: input.url.trim() });
  if (input.kind === 'json') return verifyPayload(ctx, readPayload(ctx, input.text, 'The pasted text'));
  return verifyFile(ctx, input.bytes, input.filename);
}

/** Problems nobody planned for still end as a failed check: verification never throws for input. */
function recordError(ctx: VerifyContext, error: unknown): void {
  if (error instanceof Halt) return;
  if (error instanceof FetchError) {
    const label = 'A linked document could not be fetched';
    if (isUnreachable(error)) ctx.checks.unknown('fetched', label, error.message);
    else ctx.checks.fail('fetched', label, error.message);
  } else if (error instanceof AppError) {
    ctx.checks.fail('input', 'The badge could not be read', error.message);
  } else {
    log.error({ err: error }, 'badge verification failed unexpectedly');
    const reason = error instanceof Error ? ` (${error.message})` : '';
    ctx.checks.fail(
      'error',
      'The badge could not be checked',
      `Something went wrong while checking it${reason}.`,
    );
  }
}

/**
 * Verifies a badge of any version. Open Badges 2.0 the way the 1EdTech reference validator does:
 * hosted badges against the issuer's copy and verification policy, signed badges against the
 * issuer's key and revocation list. Open Badges 3.0 / CLR 2.0 credentials (JSON-LD or VC-JWT) by
 * their proof, the key's owner, dates and status. Then (when given) the recipient. Every step is
 * a plain-language check; a failed check makes the badge invalid, a host that could not be
 * reached makes it unknown, a warning a warning.
 */
export async function verifyBadge(input: VerifyInput, options: VerifyOptions): Promise<VerificationReport> {
  return (await verifyBadgeFully(input, options)).report;
}

/** `verifyBadge`, also returning the document that was verified and who it names. */
export async function verifyBadgeFully(
  input: VerifyInput,
  options: VerifyOptions,
): Promise<{ report: VerificationReport; found: FoundBadge }> {
  const ctx = createContext(options);
  try {
    await verifyInput(ctx, input);
  } catch (error) {
    recordError(ctx, error);
  }
  if (ctx.checks.items.length === 0) {
    ctx.checks.fail('input', 'Nothing could be checked', 'No badge was found in what was given.');
  }
  const hasBadge = Object.keys(ctx.badge).length > 0;
  const report: VerificationReport = {
    verdict: verdictOf(ctx.checks.items),
    checks: ctx.checks.items,
    ...(ctx.unreachable.length > 0 ? { unreachable: ctx.unreachable } : {}),
    ...(hasBadge ? { badge: ctx.badge } : {}),
    checkedAt: ctx.now.toISOString(),
  };
  return { report, found: ctx.found };
}
