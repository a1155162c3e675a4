import type { Metadata } from 'next';
import { listUnfinishedBulkJobs } from '@/lib/bulk/jobs';
import { listTemplates } from '@/lib/issuers/issuers';
import { consoleContext } from '../../console';
import { BulkForm } from './bulk-form';
import { BulkProgress } from './bulk-progress';

export const metadata: Metadata = { title: 'Award from CSV · Issuer console' };

export default async function BulkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '/bulk');
  const [templates, unfinished] = await Promise.all([
    listTemplates(db, issuer.id),
    listUnfinishedBulkJobs(db, issuer.id),
  ]);
  return (
    <section aria-labelledby="bulk-heading" className="flex flex-col gap-4">
      <h1 id="bulk-heading" className="text-xl font-semibold">
        Award from a CSV file
      </h1>
      <BulkForm slug={issuer.slug} templates={templates.map((t) => ({ id: t.id, name: t.name }))} />
      {unfinished.length > 0 ? (
        // Uploads still running or that gave up, so a failed one can be seen and retried later.
        <section aria-labelledby="unfinished-heading" className="flex flex-col gap-4">
          <h2 id="unfinished-heading" className="text-lg font-semibold">
            Unfinished uploads
          </h2>
          {unfinished.map((job) => (
            <div key={job.id} className="flex flex-col gap-1 rounded-md border border-stone-200 p-4">
              <p className="text-sm text-stone-700">{job.fileName}</p>
              <BulkProgress slug={issuer.slug} jobId={job.id} />
            </div>
          ))}
        </section>
      ) : null}
    </section>
  );
}
