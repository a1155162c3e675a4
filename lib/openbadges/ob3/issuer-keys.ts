import 'server-only';
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { and, asc, eq, sql } from 'drizzle-orm';
import { calculateJwkThumbprint } from 'jose';
import type { Executor } from '@/db/client';
import { type IssuerKey, issuerKeys } from '@/db/schema';
import { decryptAtRest, encryptAtRest, SecretDecryptError } from '@/lib/crypto/at-rest';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';

export type IssuerKeyKind = IssuerKey['kind'];
const KINDS: IssuerKeyKind[] = ['Ed25519', 'RSA'];
const RSA_BITS = 2048;

/** The private half of a key, as stored (encrypted) in `private_key_ciphertext`. */
export type PrivateKeyMaterial =
  | { kind: 'Ed25519'; publicKeyMultibase: string; secretKeyMultibase: string }
  | { kind: 'RSA'; jwk: Record<string, string> };

type NewKey = typeof issuerKeys.$inferInsert;

async function newEd25519(issuerId: string): Promise<NewKey> {
  const pair = await Ed25519Multikey.generate();
  const exported = await pair.export({ publicKey: true, secretKey: true });
  const material: PrivateKeyMaterial = {
    kind: 'Ed25519',
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase ?? '',
  };
  return {
    issuerId,
    kind: 'Ed25519',
    keyId: exported.publicKeyMultibase,
    publicKeyMultibase: exported.publicKeyMultibase,
    privateKeyCiphertext: encryptAtRest(JSON.stringify(material), 'issuer-signing-key'),
  };
}

async function newRsa(issuerId: string): Promise<NewKey> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: RSA_BITS });
  const { kty, n, e } = publicKey.export({ format: 'jwk' });
  const publicKeyJwk = { kty: kty ?? 'RSA', n: n ?? '', e: e ?? '' };
  const material: PrivateKeyMaterial = {
    kind: 'RSA',
    jwk: privateKey.export({ format: 'jwk' }) as Record<string, string>,
  };
  return {
    issuerId,
    kind: 'RSA',
    keyId: await calculateJwkThumbprint(publicKeyJwk),
    publicKeyJwk,
    privateKeyCiphertext: encryptAtRest(JSON.stringify(material), 'issuer-signing-key'),
  };
}

const newKey = (issuerId: string, kind: IssuerKeyKind) =>
  kind === 'Ed25519' ? newEd25519(issuerId) : newRsa(issuerId);

/** Every key of the issuer, oldest first: what the DID document lists. */
export function listIssuerKeys(db: Executor, issuerId: string): Promise<IssuerKey[]> {
  return db
    .select()
    .from(issuerKeys)
    .where(eq(issuerKeys.issuerId, issuerId))
    .orderBy(asc(issuerKeys.createdAt), asc(issuerKeys.keyId));
}

async function currentRows(db: Executor, issuerId: string) {
  return db
    .select()
    .from(issuerKeys)
    .where(and(eq(issuerKeys.issuerId, issuerId), eq(issuerKeys.isCurrent, true)));
}

/**
 * The issuer's current Ed25519 and RSA keys, generated on first need. Two first uses at once may
 * both generate a key, but the partial unique index lets one insert win and both read it back.
 */
export async function currentIssuerKeys(
  db: Executor,
  issuerId: string,
): Promise<Record<IssuerKeyKind, IssuerKey>> {
  let rows = await currentRows(db, issuerId);
  const missing = KINDS.filter((kind) => !rows.some((row) => row.kind === kind));
  if (missing.length > 0) {
    const fresh = await Promise.all(missing.map((kind) => newKey(issuerId, kind)));
    await db.insert(issuerKeys).values(fresh).onConflictDoNothing();
    rows = await currentRows(db, issuerId);
  }
  const ed25519 = rows.find((row) => row.kind === 'Ed25519');
  const rsa = rows.find((row) => row.kind === 'RSA');
  if (!ed25519 || !rsa) throw new Error(`issuer ${issuerId} has no current signing keys`);
  return { Ed25519: ed25519, RSA: rsa };
}

/**
 * Adds a new current Ed25519 and RSA key and retires the current ones, in one transaction. The
 * retired keys stay in the DID document, so everything signed before still verifies.
 */
export async function rotateIssuerKeys(
  db: Executor,
  issuerId: string,
): Promise<{ retired: IssuerKey[]; added: IssuerKey[] }> {
  const fresh = await Promise.all(KINDS.map((kind) => newKey(issuerId, kind)));
  return db.transaction(async (tx) => {
    const retired = await tx
      .update(issuerKeys)
      .set({ isCurrent: false, retiredAt: sql`now()` })
      .where(and(eq(issuerKeys.issuerId, issuerId), eq(issuerKeys.isCurrent, true)))
      .returning();
    const added = await tx.insert(issuerKeys).values(fresh).returning();
    return { retired, added };
  });
}

/** The private key of a stored key, decrypted. */
export function privateKeyOf(key: IssuerKey): PrivateKeyMaterial {
  let clear: string;
  try {
    clear = decryptAtRest(key.privateKeyCiphertext, 'issuer-signing-key');
  } catch (error) {
    if (!(error instanceof SecretDecryptError)) throw error;
    // The operator's problem (ENCRYPTION_KEYS lost or changed), not the visitor's: log it, say little.
    log.error({ keyId: key.keyId, reason: error.message }, 'issuer signing key cannot be decrypted');
    throw new AppError('unavailable', 'Signing is unavailable right now. Please try again later.', {
      retryAfterSeconds: 300,
    });
  }
  return JSON.parse(clear) as PrivateKeyMaterial;
}
