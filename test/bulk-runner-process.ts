/**
 * A separate process that runs bulk jobs in small batches and says "batch" after each, so a test
 * can kill it mid-job (lib/bulk/interrupted.test.ts). Uses the database the environment names.
 */
import { getDb } from '@/db/client';
import { runBulkJobs } from '@/lib/bulk/run';
import { testConfig } from './factories';

const db = await getDb();
for (;;) {
  const { jobId } = await runBulkJobs({ db, config: testConfig, batchSize: 10 });
  process.stdout.write(jobId ? 'batch\n' : 'idle\n');
  await new Promise((r) => setTimeout(r, jobId ? 20 : 200));
}
