import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiKeys, issuers } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/tokens';
import { AppError } from '@/lib/errors';
import { assertIssuerRole, type IssuerActor } from '@/lib/issuers/members';

const KEY_PATTERN = /^lrl_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})$/;

/**
 * Creates an issuer API key. The key is returned once; only its SHA-256 (enough for 256 random
 * bits) and a short prefix for recognising it in lists are stored. Only the issuer's admins (or
 * the operator's tooling) may: a key acts for the whole issuer.
 */
export async function createApiKey(
  db: Executor,
  input: { actor: IssuerActor; issuerId: string; name: string },
) {
  await assertIssuerRole(db, { actor: input.actor, issuerId: input.issuerId, needs: 'admin' });
  const prefix = randomBytes(6).toString('base64url');
  const key = `lrl_${prefix}_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ issuerId: input.issuerId, name: input.name, prefix, keyHash: sha256Hex(key) })
    .returning({ id: apiKeys.id });
  if (!row) throw new Error('api key insert returned nothing');
  return { id: row.id, key };
}

/** The key's id and issuer for a bearer key, or null for a malformed, unknown or revoked key. */
export async function findApiKey(db: Executor, key: string) {
  if (!KEY_PATTERN.test(key)) return null;
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.keyHash, sha256Hex(key)), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, issuerId: apiKeys.issuerId });
  if (!row) return null;
  const [issuer] = await db.select().from(issuers).where(eq(issuers.id, row.issuerId));
  return issuer ? { keyId: row.id, issuer } : null;
}

/** The issuer a bearer key belongs to, or null for a malformed, unknown or revoked key. */
export async function authenticateApiKey(db: Executor, key: string) {
  return (await findApiKey(db, key))?.issuer ?? null;
}

export async function revokeApiKey(
  db: Executor,
  input: { actor: IssuerActor; issuerId: string; keyId: string },
) {
  await assertIssuerRole(db, { actor: input.actor, issuerId: input.issuerId, needs: 'admin' });
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.issuerId, input.issuerId)))
    .returning({ id: apiKeys.id });
  // Another issuer's key is "not found", never a silent success.
  if (!row) throw new AppError('not_found', 'No API key with this id belongs to your issuer.');
}
