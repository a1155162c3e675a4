import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { outbox } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { createResendSender } from '@/lib/email/send-email';
import { testConfig, uniqueEmail } from '@/test/factories';
import { type FakeResend, startFakeResend } from '@/test/fake-resend';
import { until } from '@/test/faults/worker-process';
import { jobFor } from '@/test/jobs';
import { withOwnDatabase } from '@/test/own-database';
import { startWorkers, type Workers } from './worker';

// The workers take every job they find: this file has a database of its own.
withOwnDatabase({ label: 'queue_worker' });

const running: Workers[] = [];
const fakes: FakeResend[] = [];
const originalBaseUrl = process.env.RESEND_BASE_URL;
afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop(2_000)));
  await Promise.all(fakes.splice(0).map((f) => f.close()));
  if (originalBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = originalBaseUrl;
});

describe('the worker', () => {
  it('sends mail committed after it started, woken by the commit rather than its 5-second poll', async () => {
    const fake = await startFakeResend();
    fakes.push(fake);
    process.env.RESEND_BASE_URL = fake.url;
    const db = await getDb();
    const send = createResendSender({ apiKey: 're_test', from: 'Laurel <badges@laurel.test>' });
    running.push(await startWorkers({ deps: { db, config: testConfig, send }, kinds: ['email'] }));
    // Let the loops make their first (empty) fetch and go to sleep.
    await new Promise((r) => setTimeout(r, 300));

    const to = uniqueEmail();
    const id = await db.transaction((tx) =>
      enqueueEmail(tx, { message: { to, subject: 'Hi', html: '<p>hi</p>', text: 'hi' }, isDemoMode: false }),
    );
    const committedAt = Date.now();
    await until(async () => fake.emails.some((e) => e.to.includes(to)), 4_000, 'the email sent');
    const tookMs = Date.now() - committedAt;
    expect(tookMs).toBeLessThan(2_500);
    await until(async () => (await jobFor('email', id))?.state === 'completed', 2_000, 'the job completed');
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row?.status).toBe('sent');
    expect(fake.emails.filter((e) => e.to.includes(to))).toHaveLength(1);
  });

  it('stops gracefully: a running job finishes before stop returns', async () => {
    const db = await getDb();
    let finished = false;
    const slowSend = async () => {
      await new Promise((r) => setTimeout(r, 800));
      finished = true;
      return { ok: true as const, providerId: 'slow' };
    };
    const workers = await startWorkers({
      deps: { db, config: testConfig, send: slowSend },
      kinds: ['email'],
    });
    const id = await enqueueEmail(db, {
      message: { to: uniqueEmail(), subject: 'Hi', html: '<p>hi</p>', text: 'hi' },
      isDemoMode: false,
    });
    await until(async () => (await jobFor('email', id))?.state === 'active', 3_000, 'the job taken');
    await workers.stop(5_000);
    expect(finished).toBe(true);
    expect(await jobFor('email', id)).toMatchObject({ state: 'completed' });
  });
});
