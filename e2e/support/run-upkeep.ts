/** Runs the hourly upkeep once against the database in DATABASE_URL, as the `maintenance` job would. */
import { closeDb, getDb } from '@/db/client';
import { runMaintenance } from '@/lib/queue/maintenance';

async function main() {
  console.log(JSON.stringify(await runMaintenance(await getDb())));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
