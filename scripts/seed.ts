import { closeDb, getDb } from '@/db/client';
import { DataDirLockedError } from '@/db/pglite-lock';
import { DEMO_ISSUER, DEMO_ISSUER_ADMIN, DEMO_LEARNER } from '@/db/seed/demo-data';
import { seedJobs } from '@/db/seed/jobs';
import { seedLaborMarket } from '@/db/seed/labor-market';
import { seedDemo } from '@/db/seed/seed';
import { ConfigError, getConfig } from '@/lib/config';

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
  console.log('API key for Challenge Labs (shown once; the previous demo key is revoked):');
  console.log(apiKey);

  const release = await seedLaborMarket(db);
  if (release) {
    console.log(
      `Labor-market data: O*NET ${release.onetVersion} and OEWS May ${release.wageYear} from ${release.source} ` +
        `(${release.rowCounts.occupations} occupations, ${release.rowCounts.technologies} technologies).`,
    );
  }

  // Last, after the labor-market data: postings are matched to its occupations and technologies.
  const jobs = await seedJobs(db);
  console.log(
    jobs
      ? `Job postings from the sample feed: ${jobs.created + jobs.updated} open, ${jobs.expired} expired.`
      : 'Job postings and labor-market data: none (set LAUREL_FIXTURES to the public fixtures to load the samples).',
  );
}

main()
  .catch((error) => {
    const isExpected = error instanceof ConfigError || error instanceof DataDirLockedError;
    console.error(isExpected ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
