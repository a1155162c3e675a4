import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { outbox } from '@/db/schema';
import { makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { ANSWER_MS, answerForgotPassword, answerResendVerification } from './email-requests';

const client = () => `client-${randomUUID()}`;

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

const subjectsTo = async (db: Db, email: string) =>
  (
    await db.select({ payload: outbox.payload }).from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`)
  ).map((r) => r.payload.subject);

describe('forgot password', () => {
  it('answers the same words in about the same time for an account and an unknown address', async () => {
    const db = await getDb();
    const { email } = await makeUser(db);
    const unknown = uniqueEmail('nobody');
    const ask = (address: string) =>
      answerForgotPassword({ db, config: testConfig, email: address, client: client() });
    // Warm up rendering so the first real request is not the only one paying for it.
    await ask(uniqueEmail('warm'));

    const known = await timed(() => ask(email));
    const missing = await timed(() => ask(unknown));
    expect(known.value.replace(email, 'X')).toBe(missing.value.replace(unknown, 'X'));
    expect(known.ms).toBeGreaterThanOrEqual(ANSWER_MS - 5);
    expect(missing.ms).toBeGreaterThanOrEqual(ANSWER_MS - 5);
    expect(Math.abs(known.ms - missing.ms)).toBeLessThan(250);
    expect(await subjectsTo(db, email)).toEqual(['Reset your Laurel password']);
    expect(await subjectsTo(db, unknown)).toEqual([]);
  });

  it('stops mailing one address after 3 requests an hour, without saying so', async () => {
    const db = await getDb();
    const { email } = await makeUser(db);
    const answers = new Set<string>();
    for (let i = 0; i < 4; i += 1) {
      answers.add(await answerForgotPassword({ db, config: testConfig, email, client: client() }));
    }
    expect(answers.size).toBe(1);
    expect(await subjectsTo(db, email)).toHaveLength(3);
  });
});

describe('resend confirmation', () => {
  it('sends a new link only to an unconfirmed address, with one answer for all', async () => {
    const db = await getDb();
    const pending = await makeUser(db, { isVerified: false });
    const confirmed = await makeUser(db);
    const ask = (email: string) =>
      answerResendVerification({ db, config: testConfig, email, client: client() });
    const a = await ask(pending.email);
    const b = await ask(confirmed.email);
    expect(a.replace(pending.email, 'X')).toBe(b.replace(confirmed.email, 'X'));
    expect(await subjectsTo(db, pending.email)).toEqual(['Confirm your email address']);
    expect(await subjectsTo(db, confirmed.email)).toEqual([]);
  });
});
