import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiKeys, issuers } from '@/db/schema';
import { sha256Hex } from '@/lib/crypto/tokens';

const KEY_PATTERN = /^lrl_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})$/;

/**
 * Creates an issuer API key. The key is returned once; only its SHA-256 (enough for 256 random
 * bits) and a short prefix for recognising it in lists are stored.
 */
export async function createApiKey(db: Executor, input: { issuerId: string; name: string }) {
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

export async function revokeApiKey(db: Executor, input: { issuerId: string; keyId: string }) {
  await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.issuerId, input.issuerId)));
}
