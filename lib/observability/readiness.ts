import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, getDb, rowsOf } from '@/db/client';
import { log } from '@/lib/log';
import { type RedisReadiness, redisReadiness } from '@/lib/redis/client';
import { isShuttingDown } from './shutdown';

/**
 * GET /api/ready: may a load balancer send this instance traffic? Each check answers `pass`,
 * `fail` or `skip` with a fixed phrase — never an error message, host or address, since the
 * answer is public. The reasons go to the log (at most once per 30 s per check, as probes come
 * every few seconds). The whole answer takes at most `timeoutMs` (2 s).
 */
export type CheckStatus = 'pass' | 'fail' | 'skip';
export type Check = { status: CheckStatus; detail: string };
export type Readiness = {
  /** `degraded`: serving correctly without Redis (pages render from the database); still ready. */
  status: 'ready' | 'degraded' | 'not ready';
  checks: { database: Check; migrations: Check; redis: Check; process: Check };
};

type Deps = {
  db?: () => Promise<Db>;
  redis?: () => Promise<RedisReadiness>;
  isStopping?: () => boolean;
  journalPath?: string;
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 2_000;
const LOG_EVERY_MS = 30_000;
const lastLogged = new Map<string, number>();

function logFailure(check: string, error: unknown) {
  const now = Date.now();
  if (now - (lastLogged.get(check) ?? 0) < LOG_EVERY_MS) return;
  lastLogged.set(check, now);
  log.warn({ err: error, check }, 'readiness check failing');
}

class TimedOut extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const pass = (detail: string): Check => ({ status: 'pass', detail });
const fail = (detail: string): Check => ({ status: 'fail', detail });

/** The newest migration this code ships (db/migrations/meta/_journal.json), read once. */
let shipped: Promise<number> | undefined;
function newestShippedMigration(journalPath: string): Promise<number> {
  const read = async () => {
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { when: number }[] };
    return Math.max(...journal.entries.map((entry) => entry.when));
  };
  if (journalPath !== defaultJournal) return read();
  shipped ??= read().catch((error: unknown) => {
    shipped = undefined;
    throw error;
  });
  return shipped;
}

const defaultJournal = path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json');

/**
 * drizzle's migrator records each applied migration in drizzle.__drizzle_migrations with the
 * journal's `when` as created_at, and applies those newer than the newest row: the database is up
 * to date when that row is at least this code's newest migration.
 */
async function checkDatabase(db: Db, journalPath: string): Promise<{ database: Check; migrations: Check }> {
  await db.execute(sql`select 1`);
  const database = pass('reachable');
  try {
    const [newest, rows] = await Promise.all([
      newestShippedMigration(journalPath),
      db.execute(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`),
    ]);
    const applied = Number(rowsOf<{ newest: string | null }>(rows)[0]?.newest ?? 0);
    return {
      database,
      migrations: applied >= newest ? pass('up to date') : fail('migrations not applied yet'),
    };
  } catch (error) {
    logFailure('migrations', error);
    return { database, migrations: fail('could not be checked') };
  }
}

export async function checkReadiness(deps: Deps = {}): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A stopping process is closing its pool: answer at once and open nothing again.
  if ((deps.isStopping ?? isShuttingDown)()) {
    const skipped: Check = { status: 'skip', detail: 'not checked while shutting down' };
    return {
      status: 'not ready',
      checks: { database: skipped, migrations: skipped, redis: skipped, process: fail('shutting down') },
    };
  }
  const [data, redis] = await Promise.all([
    within(
      (deps.db ?? getDb)().then((db) => checkDatabase(db, deps.journalPath ?? defaultJournal)),
      timeoutMs,
    ).catch((error: unknown) => {
      logFailure('database', error);
      const detail = error instanceof TimedOut ? 'no answer in time' : 'not reachable';
      return { database: fail(detail), migrations: fail('could not be checked') };
    }),
    within((deps.redis ?? redisReadiness)(), timeoutMs)
      .then((answer): Check => {
        if (!answer.isConfigured) return { status: 'skip', detail: 'REDIS_URL is not set' };
        if (answer.isReachable) return pass('reachable');
        logFailure('redis', new Error(answer.detail));
        return fail('not reachable');
      })
      .catch((error: unknown) => {
        logFailure('redis', error);
        return fail('no answer in time');
      }),
  ]);
  const checks = { ...data, redis, process: pass('serving') };
  // Without Redis every instance still serves correctly, only slower: taking them all out of the
  // load balancer at once would turn a cache outage into a site outage.
  const { redis: _, ...needed } = checks;
  if (Object.values(needed).some((check) => check.status === 'fail')) return { status: 'not ready', checks };
  return { status: redis.status === 'fail' ? 'degraded' : 'ready', checks };
}
