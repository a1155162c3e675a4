/**
 * A separate process that runs queued bulk batches of 10 rows and says "batch" after each, so a
 * test can kill it mid-job (lib/bulk/interrupted.test.ts). Uses the database the environment names.
 */
import { getDb } from '@/db/client';
import { runDueJobs } from '@/lib/queue/drain';
import { testConfig } from './factories';

const db = await getDb();
const deps = { db, config: testConfig, send: null, bulkBatchSize: 10 };
for (;;) {
  const taken = await runDueJobs({ deps, kind: 'bulk', batchSize: 1 });
  process.stdout.write(taken ? 'batch\n' : 'idle\n');
  await new Promise((r) => setTimeout(r, taken ? 20 : 200));
}
