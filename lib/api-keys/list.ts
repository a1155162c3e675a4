import { desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiKeys } from '@/db/schema';

/** An issuer's keys for the console: never the key, only its name, prefix and use. */
export function listApiKeys(db: Executor, issuerId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.issuerId, issuerId))
    .orderBy(desc(apiKeys.createdAt));
}
