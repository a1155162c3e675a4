import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { verifyCredentials } from '@/lib/accounts/credentials';
import { authenticateApiKey } from '@/lib/api-keys/api-keys';
import { listWallet } from '@/lib/awards/wallet';
import { testConfig } from '@/test/factories';
import { DEMO_LEARNER } from './demo-data';
import { countDemoAwards, seedDemo } from './seed';

describe('the demo seed', () => {
  it('is idempotent and ends with one working API key', async () => {
    const db = await getDb();
    const first = await seedDemo(db, testConfig);
    const second = await seedDemo(db, testConfig);

    expect(second.issuer.id).toBe(first.issuer.id);
    expect(second.templates.map((t) => t.id)).toEqual(first.templates.map((t) => t.id));
    expect(second.templates).toHaveLength(3);
    expect(await countDemoAwards(db)).toBe(2);

    expect((await authenticateApiKey(db, second.apiKey))?.slug).toBe('challenge-labs');
    expect(await authenticateApiKey(db, first.apiKey)).toBeNull();
    const active = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.issuerId, second.issuer.id), isNull(apiKeys.revokedAt)));
    expect(active).toHaveLength(1);
  });

  it('gives the demo learner one accepted and one pending badge, and a working password', async () => {
    const db = await getDb();
    await seedDemo(db, testConfig);
    const learner = await verifyCredentials(db, {
      email: DEMO_LEARNER.email,
      password: DEMO_LEARNER.password,
      client: 'seed-test',
    });
    expect(learner).not.toBeNull();
    const wallet = await listWallet(db, learner?.id ?? '');
    expect(wallet.map((b) => b.state).sort()).toEqual(['accepted', 'pending']);
  });
});
