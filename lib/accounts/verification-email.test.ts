import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb, type Tx } from '@/db/client';
import { outbox, userTokens } from '@/db/schema';
import { makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { sendVerificationEmail } from './user-tokens';

/** The database, with transactions whose outbox refuses every row (a full disk, say). */
function withBrokenOutbox(real: Db): Db {
  const brokenTx = (tx: Tx) =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== 'insert') return Reflect.get(target, property, receiver);
        return (table: unknown) => {
          if (table === outbox) throw new Error('could not extend file: No space left on device');
          return target.insert(table as typeof userTokens);
        };
      },
    });
  return new Proxy(real, {
    get(target, property, receiver) {
      if (property !== 'transaction') return Reflect.get(target, property, receiver);
      return (run: (tx: Tx) => Promise<unknown>) => target.transaction((tx) => run(brokenTx(tx)));
    },
  });
}

describe('a confirmation link', () => {
  it('is not left behind when its email cannot be queued', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const email = uniqueEmail('unsent');
    const input = { config: testConfig, userId: user.id, name: 'Test Learner', email };

    await expect(sendVerificationEmail(withBrokenOutbox(db), input)).rejects.toThrow(/No space left/);
    expect(await db.select().from(userTokens).where(eq(userTokens.email, email))).toEqual([]);

    await sendVerificationEmail(db, input);
    expect(await db.select().from(userTokens).where(eq(userTokens.email, email))).toHaveLength(1);
  });
});
