import { closeDb, getDb } from '@/db/client';
import { DataDirLockedError } from '@/db/pglite-lock';
import { DEMO_ISSUER, DEMO_ISSUER_ADMIN, DEMO_LEARNER } from '@/db/seed/demo-data';
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
}

main()
  .catch((error) => {
    const isExpected = error instanceof ConfigError || error instanceof DataDirLockedError;
    console.error(isExpected ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
