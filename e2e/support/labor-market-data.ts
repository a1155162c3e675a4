/**
 * Labor-market data for the e2e server: the demo release and demo jobs feed the project ships
 * (db/seed/demo-release, db/seed/demo-jobs-feed.ts), loaded the way `npm run seed` loads them, so
 * the journeys see what a fresh clone's demo shows. The feed's dates move forward to today.
 */
import type { Db } from '@/db/client';
import { seedJobs } from '@/db/seed/jobs';
import { seedLaborMarket } from '@/db/seed/labor-market';

export async function loadLaborMarketData(db: Db) {
  const started = Date.now();
  const release = await seedLaborMarket(db, null);
  console.error(
    `prepare: demo labor-market release (${release.rowCounts.occupations} occupations) in ${Date.now() - started} ms`,
  );
  const jobs = await seedJobs(db, { feedPath: null });
  console.error(
    `prepare: ${jobs.feed}: ${jobs.created + jobs.updated} open postings, ${jobs.expired} expired`,
  );
}
