import { formatDate } from '@/lib/format';
import type { JobListing } from '@/lib/jobs/listings';

/** Open listings: title, employer, where (or remote), pay when the employer gives it, and the apply link. */
export function JobListings({ listings, emptyText }: { listings: JobListing[]; emptyText: string }) {
  if (listings.length === 0) return <p className="text-stone-700">{emptyText}</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Open listings">
      {listings.map((job) => (
        <li key={job.id} className="rounded-md border border-stone-200 bg-white p-4 break-words">
          <h3 className="font-semibold">{job.title}</h3>
          <p className="text-sm text-stone-800">
            {job.employerName}
            {job.locationText ? ` · ${job.locationText}` : ''}
          </p>
          {job.salaryText ? <p className="text-sm text-stone-800">{job.salaryText}</p> : null}
          <p className="text-xs text-stone-700">Posted {formatDate(job.datePosted)}</p>
          {job.url ? (
            // The employer's own posting, where the application is made. A plain link: it opens
            // like any other, and the back button returns here.
            <a
              href={job.url}
              rel="noopener noreferrer nofollow"
              className="mt-1 inline-block text-sm font-medium text-brand-800 underline"
            >
              Apply at {job.employerName}
              <span className="sr-only"> for {job.title}</span>
            </a>
          ) : (
            <p className="mt-1 text-sm text-stone-700">
              Apply through {job.employerName}: the listing gives no link.
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
