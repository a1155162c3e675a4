import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';

/** How long a key is remembered; after that it is forgotten and may name a new request. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/**
 * How long a running request holds its key. The request renews it while it runs, so a lease that
 * lapsed without an answer means the process died: the next request with the key takes over.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 60;
/** What an in-flight 409 tells the client to wait: most requests finish well within a second. */
const IN_PROGRESS_RETRY_SECONDS = 1;
const PURGE_BATCH = 100;
/** How often a key that could not be freed (the database was away) is tried again. */
const RELEASE_RETRY_MS = 250;
/** The headers a replay repeats; the rest (rate limits) belongs to the new answer. */
const REPLAYED_HEADERS = ['Content-Type', 'Location'] as const;

type Slot = { issuerId: string; key: string; hash: string };
type StoredAnswer = { status: number; headers: Record<string, string> | null; body: string | null };

const forgottenBefore = () => sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`;
const newLease = () => sql`now() + make_interval(secs => ${IDEMPOTENCY_LEASE_SECONDS})`;
const slotIs = (slot: Slot) =>
  and(eq(idempotencyKeys.issuerId, slot.issuerId), eq(idempotencyKeys.key, slot.key));

/**
 * Kept: answers to requests that ran. Not kept: 5xx and 429, which the client should retry with
 * the same key, and 400, a request refused before it ran (as Stripe does): the client fixes the
 * body and sends it again with the same key.
 */
const isRemembered = (status: number) => status < 500 && status !== 429 && status !== 400;

/** SHA-256 over the method, the path and the raw body bytes: what makes two requests the same. */
export async function requestHash(request: Request): Promise<string> {
  const body = await request.clone().arrayBuffer();
  return createHash('sha256')
    .update(`${request.method.toUpperCase()}\n${new URL(request.url).pathname}\n`)
    .update(new Uint8Array(body))
    .digest('hex');
}

/**
 * Runs a POST at most once per (issuer, Idempotency-Key), following the IETF draft "The
 * Idempotency-Key HTTP Header Field": the first request runs and its answer is kept for 24 hours;
 * a retry of the same request gets that answer again (Idempotent-Replayed: true) without running;
 * the key with a different request is 422; a retry while the first still runs is 409 with
 * Retry-After. 400, 429, 5xx and thrown errors are not kept, so the client can retry with the same key.
 */
export async function withIdempotency(opts: {
  db: Db;
  issuerId: string;
  key: string;
  request: Request;
  run: () => Promise<Response>;
}): Promise<Response> {
  const { db } = opts;
  const slot = { issuerId: opts.issuerId, key: opts.key, hash: await requestHash(opts.request) };
  const replay = await claimKey(db, slot);
  if (replay) return replay;

  const stopRenewing = renewLease(db, slot);
  let response: Response;
  try {
    response = await opts.run();
  } catch (error) {
    await stopRenewing();
    await releaseKey(db, slot);
    throw error;
  }
  await stopRenewing();
  if (!isRemembered(response.status)) {
    await releaseKey(db, slot);
    return response;
  }
  const body = await response.text();
  await storeAnswer(db, slot, response, body);
  return new Response(body, { status: response.status, headers: response.headers });
}

/** Null when this request holds the key and should run; the stored answer when it is a replay. */
async function claimKey(db: Db, slot: Slot): Promise<Response | null> {
  // Each round either decides or sees a row another request changed meanwhile; a few suffice.
  for (let round = 0; round < 3; round++) {
    const [inserted] = await db
      .insert(idempotencyKeys)
      .values({ issuerId: slot.issuerId, key: slot.key, requestHash: slot.hash, lockedUntil: newLease() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted) {
      await purgeForgottenKeys(db);
      return null;
    }

    const [row] = await db
      .select({
        requestHash: idempotencyKeys.requestHash,
        responseStatus: idempotencyKeys.responseStatus,
        responseHeaders: idempotencyKeys.responseHeaders,
        responseBody: idempotencyKeys.responseBody,
        isForgotten: sql<boolean>`${idempotencyKeys.createdAt} < ${forgottenBefore()}`,
        isLeaseOver: sql<boolean>`${idempotencyKeys.lockedUntil} <= now()`,
      })
      .from(idempotencyKeys)
      .where(slotIs(slot));
    if (!row) continue;
    if (row.isForgotten) {
      await db
        .delete(idempotencyKeys)
        .where(and(slotIs(slot), lt(idempotencyKeys.createdAt, forgottenBefore())));
      continue;
    }
    if (row.requestHash !== slot.hash) {
      throw new AppError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request.',
      );
    }
    if (row.responseStatus !== null) {
      return replayOf({ status: row.responseStatus, headers: row.responseHeaders, body: row.responseBody });
    }
    if (!row.isLeaseOver) break;

    const [taken] = await db
      .update(idempotencyKeys)
      .set({ lockedUntil: newLease() })
      .where(
        and(
          slotIs(slot),
          eq(idempotencyKeys.requestHash, slot.hash),
          isNull(idempotencyKeys.responseStatus),
          lte(idempotencyKeys.lockedUntil, sql`now()`),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    if (taken) return null;
  }
  throw new AppError(
    'conflict',
    'A request with this Idempotency-Key is still in progress. Retry shortly for its answer.',
    { retryAfterSeconds: IN_PROGRESS_RETRY_SECONDS },
  );
}

function replayOf(answer: StoredAnswer): Response {
  return new Response(answer.body || null, {
    status: answer.status,
    headers: { ...answer.headers, 'Idempotent-Replayed': 'true' },
  });
}

/** Pushes the lease forward while the request runs, so only a dead process loses its key. */
function renewLease(db: Db, slot: Slot): () => Promise<void> {
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      renewing = db
        .update(idempotencyKeys)
        .set({ lockedUntil: newLease() })
        .where(and(slotIs(slot), isNull(idempotencyKeys.responseStatus)))
        .catch((error: unknown) => log.error({ err: error }, 'could not renew an idempotency lease'));
    },
    (IDEMPOTENCY_LEASE_SECONDS * 1000) / 3,
  );
  timer.unref();
  return async () => {
    clearInterval(timer);
    await renewing;
  };
}

async function storeAnswer(db: Db, slot: Slot, response: Response, body: string) {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  try {
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseHeaders: headers, responseBody: body })
      .where(
        and(slotIs(slot), eq(idempotencyKeys.requestHash, slot.hash), isNull(idempotencyKeys.responseStatus)),
      );
  } catch (error) {
    // The work is done and the client should hear so. The key stays locked until its lease lapses;
    // a retry then runs again, which the domain's own guards (award keys, revoke) make harmless.
    log.error({ err: error }, 'could not store an idempotent answer');
  }
}

/**
 * Frees the key after a failure, so the client may retry with it. The failure may be the
 * database's (a restart cut the request off), so when the key cannot be freed now it is tried
 * again in the background until the lease would have lapsed anyway: a retry under the key works
 * within a moment of the database being back, not a minute later.
 */
async function releaseKey(db: Db, slot: Slot) {
  try {
    await deleteHeldKey(db, slot);
  } catch (error) {
    log.warn({ err: error }, 'could not free an idempotency key; trying again');
    releaseLater(db, slot, Date.now() + IDEMPOTENCY_LEASE_SECONDS * 1000);
  }
}

function releaseLater(db: Db, slot: Slot, leaseEndsAt: number) {
  const timer = setTimeout(() => {
    deleteHeldKey(db, slot).catch(() => {
      if (Date.now() + RELEASE_RETRY_MS < leaseEndsAt) releaseLater(db, slot, leaseEndsAt);
    });
  }, RELEASE_RETRY_MS);
  timer.unref();
}

/** Deletes the key while it is this request's: same request, no answer stored. */
async function deleteHeldKey(db: Db, slot: Slot) {
  await db
    .delete(idempotencyKeys)
    .where(
      and(slotIs(slot), eq(idempotencyKeys.requestHash, slot.hash), isNull(idempotencyKeys.responseStatus)),
    );
}

/**
 * Deletes a batch of keys past the 24-hour window, oldest first, every issuer's (so quiet issuers'
 * keys go too). Rows another request is deleting are skipped; a failure only delays the cleanup.
 */
async function purgeForgottenKeys(db: Db) {
  const batch = db
    .select({ issuerId: idempotencyKeys.issuerId, key: idempotencyKeys.key })
    .from(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, forgottenBefore()))
    .orderBy(idempotencyKeys.createdAt)
    .limit(PURGE_BATCH)
    .for('update', { skipLocked: true });
  try {
    await db
      .delete(idempotencyKeys)
      .where(sql`(${idempotencyKeys.issuerId}, ${idempotencyKeys.key}) in ${batch}`);
  } catch (error) {
    log.error({ err: error }, 'could not purge forgotten idempotency keys');
  }
}
