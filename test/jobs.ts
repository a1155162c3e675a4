import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db/client';
import type { EmailSender } from '@/lib/email/send-email';
import type { Poster } from '@/lib/net/safe-post';
import { drainJobs, makeRetriesDue, runDueJobs } from '@/lib/queue/drain';
import type { JobDeps } from '@/lib/queue/handlers';
import type { JobKind } from '@/lib/queue/kinds';
import { testConfig } from './factories';

/** A sender for tests that must not send (the handler is never expected to reach it). */
const noSender: EmailSender = () => Promise.reject(new Error('this test sends no email'));

type Options = { send?: EmailSender; post?: Poster; bulkBatchSize?: number };

async function deps(input: Options): Promise<JobDeps> {
  return { db: await getDb(), config: testConfig, ...input, send: input.send ?? noSender };
}

/** Runs due jobs of the kinds given until none is left, through the worker's own handlers. */
export async function runJobs(kinds: JobKind[], input: Options = {}) {
  await drainJobs({ deps: await deps(input), kinds });
}

/** One round: takes up to `batchSize` due jobs of a kind (for tests of several workers at once). */
export async function runJobsOnce(
  kind: JobKind,
  input: { send?: EmailSender; post?: Poster; batchSize?: number },
) {
  return runDueJobs({ deps: await deps(input), kind, batchSize: input.batchSize });
}

/** Retries waiting for their backoff become due now. */
export async function retriesDueNow(kind: JobKind) {
  await makeRetriesDue(await getDb(), kind);
}

export type JobRow = { state: string; retryCount: number; startAfter: Date };

/** The queue's job for a message or delivery (its id is the row's), or null. */
export async function jobFor(kind: JobKind, id: string): Promise<JobRow | null> {
  const [row] = rowsOf<JobRow>(
    await (await getDb()).execute(sql`
      select state::text, retry_count as "retryCount", start_after as "startAfter"
        from pgboss.job where name = ${kind} and id = ${id}`),
  );
  return row ? { ...row, startAfter: new Date(row.startAfter) } : null;
}
