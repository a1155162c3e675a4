import type { Metadata } from 'next';
import Link from 'next/link';
import { AWARD_LIST_STATES, awardListQuerySchema, listAwards } from '@/lib/awards/list-awards';
import { getBulkJob } from '@/lib/bulk/jobs';
import { listTemplates } from '@/lib/issuers/issuers';
import { consoleContext } from '../../console';
import { AwardList } from './award-list';

export const metadata: Metadata = { title: 'Awards · Issuer console' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function AwardsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '/awards');
  const raw = await searchParams;
  const filters = Object.fromEntries(
    Object.entries({
      templateId: raw.templateId,
      state: raw.state,
      emailContains: raw.email,
      cursor: raw.cursor,
    }).filter(([, v]) => v),
  );
  const parsed = awardListQuerySchema.safeParse(filters);
  // From a finished CSV upload: only the awards it made. Another issuer's job is no job at all.
  const job = raw.job ? await getBulkJob(db, { issuerId: issuer.id, jobId: raw.job }) : null;
  const [templates, page] = await Promise.all([
    listTemplates(db, issuer.id),
    listAwards(db, {
      issuerId: issuer.id,
      query: parsed.success ? parsed.data : {},
      ...(job ? { bulkJobId: job.id } : {}),
    }),
  ]);
  const names = new Map(templates.map((t) => [t.id, t.name]));
  const kept = { ...filters, ...(job ? { job: job.id } : {}) };
  const next = page.nextCursor
    ? `?${new URLSearchParams({ ...kept, cursor: page.nextCursor } as Record<string, string>)}`
    : null;
  return (
    <section aria-labelledby="awards-heading" className="flex min-w-0 flex-col gap-4">
      <h1 id="awards-heading" className="text-xl font-semibold break-words">
        {job ? `Awards from ${job.fileName}` : 'Awards'}
      </h1>
      <p className="text-stone-700">Open an award to see its history, resend its claim email or revoke it.</p>
      {job ? (
        <Link href={`/issuer/${issuer.slug}/awards`} className="self-start text-sm underline">
          Show all awards
        </Link>
      ) : null}
      <form className="flex flex-wrap items-end gap-3" method="get">
        {job ? <input type="hidden" name="job" value={job.id} /> : null}
        <label className="flex min-w-0 max-w-full flex-col text-sm">
          Badge
          <select
            name="templateId"
            defaultValue={raw.templateId ?? ''}
            className="max-w-full rounded border border-stone-400 bg-white px-2 py-1"
          >
            <option value="">All</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-sm">
          State
          <select
            name="state"
            defaultValue={raw.state ?? ''}
            className="max-w-full rounded border border-stone-400 bg-white px-2 py-1"
          >
            <option value="">All</option>
            {AWARD_LIST_STATES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-sm">
          Email contains
          <input
            name="email"
            type="search"
            defaultValue={raw.email ?? ''}
            className="w-56 max-w-full rounded border border-stone-400 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          className="rounded-md border border-stone-400 bg-white px-3 py-1.5 text-sm font-medium"
        >
          Filter
        </button>
      </form>
      {!parsed.success ? <p role="status">Those filters are not valid; showing all awards.</p> : null}
      <AwardList slug={issuer.slug} awards={page.awards} badgeNames={names} />
      {page.awards.length === 0 ? <p>No awards match.</p> : null}
      {next ? (
        <Link href={next} className="self-start underline">
          Next page
        </Link>
      ) : null}
    </section>
  );
}
