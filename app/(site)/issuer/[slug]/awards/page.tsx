import type { Metadata } from 'next';
import Link from 'next/link';
import { AWARD_LIST_STATES, awardListQuerySchema, listAwards } from '@/lib/awards/list-awards';
import { formatDate } from '@/lib/format';
import { listTemplates } from '@/lib/issuers/issuers';
import { consoleContext } from '../../console';
import { AwardRowActions } from './award-row-actions';

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
  const [templates, page] = await Promise.all([
    listTemplates(db, issuer.id),
    listAwards(db, { issuerId: issuer.id, query: parsed.success ? parsed.data : {} }),
  ]);
  const names = new Map(templates.map((t) => [t.id, t.name]));
  const next = page.nextCursor
    ? `?${new URLSearchParams({ ...filters, cursor: page.nextCursor } as Record<string, string>)}`
    : null;
  return (
    <section aria-labelledby="awards-heading" className="flex flex-col gap-4">
      <h1 id="awards-heading" className="text-xl font-semibold">
        Awards
      </h1>
      <form className="flex flex-wrap items-end gap-3" method="get">
        <label className="flex flex-col text-sm">
          Badge
          <select
            name="templateId"
            defaultValue={raw.templateId ?? ''}
            className="rounded border border-stone-400 bg-white px-2 py-1"
          >
            <option value="">All</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          State
          <select
            name="state"
            defaultValue={raw.state ?? ''}
            className="rounded border border-stone-400 bg-white px-2 py-1"
          >
            <option value="">All</option>
            {AWARD_LIST_STATES.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Email contains
          <input
            name="email"
            defaultValue={raw.email ?? ''}
            className="rounded border border-stone-400 px-2 py-1"
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
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-stone-300">
            <th className="py-2">Recipient</th>
            <th>Badge</th>
            <th>State</th>
            <th>Issued</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {page.awards.map((a) => (
            <tr key={a.id} className="border-b border-stone-200 align-top" data-testid="award-row">
              <td className="py-2">
                <Link href={`/issuer/${issuer.slug}/awards/${a.id}`} className="font-medium underline">
                  {a.recipientName}
                </Link>
                <br />
                <span className="text-stone-700">{a.recipientEmail}</span>
              </td>
              <td>{names.get(a.templateId) ?? 'Archived template'}</td>
              <td>{a.revokedAt ? `revoked: ${a.revocationReason}` : a.state.replace('_', ' ')}</td>
              <td>{formatDate(a.issuedAt)}</td>
              <td>
                <AwardRowActions
                  slug={issuer.slug}
                  awardId={a.id}
                  canRevoke={!a.revokedAt}
                  canResend={a.state === 'pending' && !a.revokedAt}
                  canNotify={a.state !== 'opted_out'}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.awards.length === 0 ? <p>No awards match.</p> : null}
      {next ? (
        <Link href={next} className="self-start underline">
          Next page
        </Link>
      ) : null}
    </section>
  );
}
