import { closeDb, getDb } from '@/db/client';
import { DataDirLockedError } from '@/db/pglite-lock';
import { DEMO_ISSUER, DEMO_ISSUER_ADMIN, DEMO_LEARNER } from '@/db/seed/demo-data';
import { seedJobs } from '@/db/seed/jobs';
import { seedLaborMarket } from '@/db/seed/labor-market';
import { seedDemo } from '@/db/seed/seed';
import { ConfigError, getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';

async function main() {
  const config = getConfig();
  const db = await getDb();
  const { templates, apiKey } = await seedDemo(db, config);
  console.log(
    `Seeded issuer "${DEMO_ISSUER.name}" (${DEMO_ISSUER.slug}) with ${templates.length} templates:`,
  );
  for (const t of templates) console.log(`  ${t.id}  ${t.name}`);
  console.log(`Demo learner: ${DEMO_LEARNER.email} / ${DEMO_LEARNER.password}`);
  console.log(
    `Demo issuer admin (console at /issuer): ${DEMO_ISSUER_ADMIN.email} / ${DEMO_ISSUER_ADMIN.password}`,
  );

  const release = await seedLaborMarket(db);
  const size = `${release.rowCounts.occupations} occupations, ${release.rowCounts.technologies} technologies`;
  console.log(
    release.isDemo
      ? `Labor-market data: the demo release shipped with Laurel (${size}; OEWS May ${release.wageYear}). ` +
          'Set LAUREL_FIXTURES to load the full public sample, or run npm run cli -- labor-market fetch.'
      : `Labor-market data: O*NET ${release.onetVersion} and OEWS May ${release.wageYear} from ${release.source} (${size}).`,
  );
  // After the labor-market data: postings are matched to its occupations and technologies.
  const jobs = await seedJobs(db);
  console.log(
    `Job postings from ${jobs.feed}: ${jobs.created + jobs.updated} open, ${jobs.expired} expired.`,
  );

  // The key last, so it is the line to copy; a new one is made (and the old one revoked) at every seed.
  console.log(
    'API key for Challenge Labs (shown once; each run of npm run seed or npm run demo replaces it with a new one):',
  );
  console.log(apiKey);
}

main()
  .catch((error) => {
    const isExpected =
      error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof AppError;
    console.error(isExpected ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
