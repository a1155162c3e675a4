import type { ChildProcess } from 'node:child_process';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, rowsOf } from '@/db/client';
import { awards, bulkJobs, outbox } from '@/db/schema';
import { createBulkJob, startBulkJob } from '@/lib/bulk/jobs';
import { resetConfig } from '@/lib/config';
import { makeIssuer } from '@/test/factories';
import { type FakeResend, startFakeResend } from '@/test/fake-resend';
import { freshPostgres, kill, startWorkerProcess, until } from './worker-process';

/*
 * Real worker processes (`npm run worker`'s script) on a PostgreSQL database of their own, the
 * provider a local fake: kill one mid-way through a 5,000-row upload and its 5,000 claim emails,
 * start another, and count. Short leases (QUEUE_LEASE_SECONDS) bring the dead worker's jobs back
 * in seconds instead of a minute.
 */
const ROWS = 5_000;
let database: Awaited<ReturnType<typeof freshPostgres>>;
let fake: FakeResend;
const originalUrl = process.env.DATABASE_URL;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  await closeDb();
  database = await freshPostgres('worker_kill');
  process.env.DATABASE_URL = database.url;
  process.env.QUEUE_LEASE_SECONDS = '4';
  resetConfig();
  fake = await startFakeResend();
});

afterAll(async () => {
  await Promise.all(workers.map(kill));
  await fake?.close();
  await closeDb();
  if (originalUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = originalUrl;
  delete process.env.QUEUE_LEASE_SECONDS;
  resetConfig();
  await database?.drop();
});

const workerEnv = () => ({
  DATABASE_URL: database.url,
  LAUREL_MODE: 'demo',
  RESEND_API_KEY: 're_fault_test',
  RESEND_BASE_URL: fake.url,
  EMAIL_FROM: 'Laurel <badges@laurel.test>',
  APP_URL: 'http://laurel.test',
  QUEUE_LEASE_SECONDS: '4',
  // At info: it says "worker taking …" when it is ready.
  LOG_LEVEL: 'info',
});

async function progressOf(jobId: string) {
  const [job] = await (await getDb()).select().from(bulkJobs).where(eq(bulkJobs.id, jobId));
  return job;
}

describe('a worker killed mid-way', () => {
  it('leaves nothing lost and nothing twice: every row awarded once, every email delivered once', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const csv = [
      'email,name',
      ...Array.from({ length: ROWS }, (_, i) => `killed-${i}@learners.test,Learner ${i}`),
    ];
    const created = await createBulkJob(db, {
      issuerId: issued.issuer.id,
      templateId: issued.template.id,
      userId: null,
      fileName: 'cohort.csv',
      csv: csv.join('\n'),
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors.slice(0, 3)));
    const jobId = created.job.id;
    await startBulkJob(db, { issuerId: issued.issuer.id, jobId });

    const first = await startWorkerProcess(workerEnv());
    workers.push(first);
    // Mid-way through the upload, with claim emails going out.
    await until(
      async () => ((await progressOf(jobId))?.processed ?? 0) >= 1_000 && fake.emails.length > 0,
      90_000,
      'first batches',
    ).catch(async (error: Error) => {
      const [jobs] = rowsOf(
        await db.execute(
          sql`select count(*)::int as n, string_agg(distinct state::text, ',') as states from pgboss.job`,
        ),
      );
      throw new Error(
        `${error.message}: ${JSON.stringify(await progressOf(jobId))}, ${fake.emails.length} sent, jobs ${JSON.stringify(jobs)}`,
      );
    });
    await kill(first);
    const atKill = await progressOf(jobId);
    expect(atKill?.status).toBe('running');
    expect(atKill?.processed).toBeLessThan(ROWS);
    const sentAtKill = fake.emails.length;
    expect(sentAtKill).toBeLessThan(ROWS);

    const second = await startWorkerProcess(workerEnv());
    workers.push(second);
    await until(async () => (await progressOf(jobId))?.status === 'done', 120_000, 'the upload finishing');
    await until(
      async () => {
        const [waiting] = await db
          .select({ n: count() })
          .from(outbox)
          .where(sql`${outbox.status} in ('pending', 'sending')`);
        return waiting?.n === 0;
      },
      120_000,
      'every email sent',
    );

    expect(await progressOf(jobId)).toMatchObject({ status: 'done', processed: ROWS, failed: 0 });
    const [given] = await db
      .select({ n: count(), people: sql<number>`count(distinct ${awards.recipientEmail})::int` })
      .from(awards)
      .where(eq(awards.issuerId, issued.issuer.id));
    expect(given).toEqual({ n: ROWS, people: ROWS });
    const [sent] = await db
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.status, 'sent'), sql`${outbox.awardId} is not null`));
    expect(sent?.n).toBe(ROWS);
    // The provider got each message once (a re-sent one carries the same idempotency key).
    const recipients = fake.emails.map((e) => e.to.join(','));
    expect(recipients).toHaveLength(ROWS);
    expect(new Set(recipients).size).toBe(ROWS);
  }, 300_000);
});
