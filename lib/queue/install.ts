import PgBoss from 'pg-boss';
import { JOB_KIND_NAMES, JOB_KINDS, leaseSeconds, QUEUE_SCHEMA } from './kinds';

/** How pg-boss reaches the database: its own small pool (PostgreSQL) or a given client (PGlite). */
export type QueueConnection = { connectionString: string } | { db: PgBoss.Db };

/**
 * Creates or upgrades pg-boss's schema (under its own advisory lock, so several processes may
 * start at once) and makes each kind's queue with its retry and lease settings. Runs where the
 * app's migrations run, so any process can queue work, whether or not a worker has ever started.
 */
export async function installQueues(connection: QueueConnection): Promise<void> {
  const boss = new PgBoss({
    ...('db' in connection
      ? { db: connection.db }
      : { connectionString: connection.connectionString, max: 1 }),
    schema: QUEUE_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    for (const name of JOB_KIND_NAMES) {
      const { retryLimit, retryDelay } = JOB_KINDS[name];
      const options = {
        name,
        retryLimit,
        retryDelay,
        retryBackoff: true,
        expireInSeconds: leaseSeconds(name),
      };
      await boss.createQueue(name, options);
      await boss.updateQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
}
