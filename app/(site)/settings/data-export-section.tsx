import { getDb } from '@/db/client';
import { latestDataExport } from '@/lib/data-export/requests';
import { DataExportPanel } from './data-export-panel';

/** Settings → Download your data: the newest export as the page loads; the panel polls from there. */
export async function DataExportSection({ userId }: { userId: string }) {
  const latest = await latestDataExport(await getDb(), userId);
  return (
    <section
      id="download-your-data"
      aria-labelledby="download-your-data-heading"
      className="flex flex-col gap-4"
    >
      <h2 id="download-your-data-heading" className="text-xl font-semibold">
        Download your data
      </h2>
      <DataExportPanel initial={latest} />
    </section>
  );
}
