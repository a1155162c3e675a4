import { type ChildProcess, spawn } from 'node:child_process';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { awards, bulkJobRows, bulkJobs, claimTokens, outbox } from '@/db/schema';
import { makeIssuer, uniqueEmail } from '@/test/factories';
import { runJobs } from '@/test/jobs';
import { withOwnDatabase } from '@/test/own-database';
import { createBulkJob, getBulkJob, startBulkJob } from './jobs';

// The runner process works every running job it finds, so this file has a database of its own.
const { dataDir } = withOwnDatabase({ label: 'bulk_kill', onDisk: true });

/** Starts the runner process and resolves once it has finished `batches` batches. */
function runnerUntil(batches: number): Promise<ChildProcess> {
  // One process (tsx as a loader, not its CLI, which would run the script in a grandchild).
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bulk-runner-process.ts'], {
    env: { ...process.env, NODE_ENV: 'test', TSX_TSCONFIG_PATH: 'tsconfig.scripts.json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let seen = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('batch').length - 1;
      if (seen >= batches) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the runner exited (${code}) before ${batches} batches`)));
  });
}

/** SIGKILL, as a crash or an OOM kill would: no cleanup runs. */
async function kill(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('a bulk job whose process is killed mid-way', () => {
  it('resumes in another process and awards each row exactly once, with one email each', async () => {
    let db = await getDb();
    const issued = await makeIssuer(db);
    const emails = Array.from({ length: 120 }, (_, i) => uniqueEmail(`killed${i}`));
    const created = await createBulkJob(db, {
      issuerId: issued.issuer.id,
      templateId: issued.template.id,
      userId: null,
      fileName: 'cohort.csv',
      csv: ['email,name', ...emails.map((e, i) => `${e},Learner ${i}`)].join('\n'),
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const jobId = created.job.id;
    await startBulkJob(db, { issuerId: issued.issuer.id, jobId });
    if (dataDir) await closeDb();

    const runner = await runnerUntil(3);
    await kill(runner);

    db = await getDb();
    const halfway = await getBulkJob(db, { issuerId: issued.issuer.id, jobId });
    expect(halfway?.status).toBe('running');
    expect(halfway?.processed).toBeGreaterThanOrEqual(30);
    expect(halfway?.processed).toBeLessThan(120);

    // The killed process may have held the job's lease and its queue job; time passes and both
    // run out (the queue's upkeep puts an expired job back for another worker).
    await db.update(bulkJobs).set({ lockedUntil: sql`now()` }).where(eq(bulkJobs.id, jobId));
    await db.execute(
      sql`update pgboss.job set state = 'retry', start_after = now() - interval '1 second' where name = 'bulk' and state = 'active'`,
    );
    await runJobs(['bulk'], { bulkBatchSize: 50 });

    const done = await getBulkJob(db, { issuerId: issued.issuer.id, jobId });
    expect(done).toMatchObject({ status: 'done', total: 120, processed: 120, failed: 0, skipped: 0 });
    const given = await db
      .select({ id: awards.id, email: awards.recipientEmail })
      .from(awards)
      .where(and(eq(awards.issuerId, issued.issuer.id), inArray(awards.recipientEmail, emails)));
    expect(given).toHaveLength(120);
    expect(new Set(given.map((a) => a.email)).size).toBe(120);
    const ids = given.map((a) => a.id);
    const [tokens] = await db
      .select({ n: count() })
      .from(claimTokens)
      .where(inArray(claimTokens.awardId, ids));
    const [mails] = await db.select({ n: count() }).from(outbox).where(inArray(outbox.awardId, ids));
    expect(tokens?.n).toBe(120);
    expect(mails?.n).toBe(120);
    const rows = await db.select().from(bulkJobRows).where(eq(bulkJobRows.jobId, jobId));
    expect(new Set(rows.map((r) => r.awardId))).toEqual(new Set(ids));
  }, 120_000);
});
