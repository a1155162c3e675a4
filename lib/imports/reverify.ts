import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importedBadges } from '@/db/schema';
import { log } from '@/lib/log';
import type { Fetcher } from '@/lib/net/types';
import type { StatusListCache } from '@/lib/openbadges/status/list-cache';
import type { VerificationReport } from '@/lib/openbadges/verify/types';
import { verifyBadgeFully } from '@/lib/openbadges/verify/verify';
import { MAX_RETRIES, REVERIFY_AFTER_MS } from './limits';
import { importedStatus, withRecipientCheck } from './outcome';
import { verifyInputFor } from './source';

type Verifier = { fetch: Fetcher; statusLists?: StatusListCache; now?: Date };

/**
 * Verifies a stored badge again from its original bytes and keeps the new report, with the
 * recipient line decided at import (the account's addresses are not re-read for a public view).
 * Only the upkeep's tries count toward MAX_RETRIES (`isRetry`): views do not use them up.
 */
export async function reverifyImportedBadge(db: Db, input: { id: string; isRetry?: boolean } & Verifier) {
  const [row] = await db
    .select({ original: importedBadges.original, report: importedBadges.report })
    .from(importedBadges)
    .where(eq(importedBadges.id, input.id));
  if (!row) return null;
  const { report } = await verifyBadgeFully(verifyInputFor({ kind: 'file', bytes: row.original }), input);
  const recipient = row.report.checks.find((check) => check.id === 'recipient');
  const kept = recipient ? withRecipientCheck(report, recipient) : report;
  const status = importedStatus(kept);
  const [updated] = await db
    .update(importedBadges)
    .set({
      report: kept,
      status,
      hasBeenVerified: status === 'verified' || status === 'expired' ? true : importedBadges.hasBeenVerified,
      verifiedAt: new Date(kept.checkedAt),
      retryCount:
        status !== 'unverified'
          ? 0
          : input.isRetry
            ? sql`${importedBadges.retryCount} + 1`
            : importedBadges.retryCount,
    })
    .where(eq(importedBadges.id, input.id))
    .returning({
      status: importedBadges.status,
      report: importedBadges.report,
      verifiedAt: importedBadges.verifiedAt,
    });
  return updated ?? null;
}

/** Checks running in this process, by badge: views that come meanwhile wait for the same one. */
const running = new Map<string, ReturnType<typeof reverifyImportedBadge>>();

/** One check per badge at a time in this process, however many visitors open its page at once. */
function reverifyOnce(db: Db, input: { id: string } & Verifier) {
  const current = running.get(input.id);
  if (current) return current;
  const check = reverifyImportedBadge(db, input)
    .catch((error) => {
      log.error({ err: error, importedBadgeId: input.id }, 'imported badge could not be verified again');
      return null;
    })
    .finally(() => running.delete(input.id));
  running.set(input.id, check);
  return check;
}

/**
 * On view: a report older than REVERIFY_AFTER_MS is checked again, waiting at most `waitMs`; a
 * slower check finishes in the background and the stored report is shown meanwhile.
 */
export async function freshImportedReport<
  T extends { id: string; verifiedAt: Date; status: string; report: VerificationReport },
>(db: Db, badge: T, verifier: Verifier & { waitMs?: number }): Promise<T> {
  const age = (verifier.now ?? new Date()).getTime() - badge.verifiedAt.getTime();
  if (age < REVERIFY_AFTER_MS) return badge;
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => resolve(null), verifier.waitMs ?? 3000).unref(),
  );
  const updated = await Promise.race([reverifyOnce(db, { id: badge.id, ...verifier }), timeout]);
  return updated ? { ...badge, ...updated } : badge;
}

/** Upkeep: badges kept as unverified (a host was down) are tried again, oldest check first. */
export async function retryUnverifiedImports(db: Db, verifier: Verifier & { batch?: number }) {
  const due = await db
    .select({ id: importedBadges.id })
    .from(importedBadges)
    .where(
      and(
        eq(importedBadges.status, 'unverified'),
        lt(importedBadges.retryCount, MAX_RETRIES),
        lt(importedBadges.verifiedAt, new Date(Date.now() - REVERIFY_AFTER_MS)),
      ),
    )
    .orderBy(importedBadges.verifiedAt)
    .limit(verifier.batch ?? 50);
  let verified = 0;
  for (const { id } of due) {
    const updated = await reverifyImportedBadge(db, { id, isRetry: true, ...verifier });
    if (updated?.status === 'verified') verified += 1;
  }
  return { tried: due.length, verified };
}
