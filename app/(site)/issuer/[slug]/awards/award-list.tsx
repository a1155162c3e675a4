import Link from 'next/link';
import type { Award } from '@/db/schema';
import { formatDate } from '@/lib/format';
import { AwardStatus } from './award-status';

type Props = { slug: string; awards: Award[]; badgeNames: Map<string, string> };

// Long addresses and names break anywhere rather than push the page sideways.
const WRAP = 'break-words [overflow-wrap:anywhere]';

/**
 * The awards as a table on wide screens and as cards on phones. Each award's actions (resend,
 * revoke) are on its own page, one click away, so the list is for finding an award.
 */
export function AwardList({ slug, awards, badgeNames }: Props) {
  const badgeOf = (a: Award) => badgeNames.get(a.templateId) ?? 'Archived template';
  const href = (a: Award) => `/issuer/${slug}/awards/${a.id}`;
  return (
    <>
      <table className="hidden w-full table-fixed text-left text-sm md:table">
        <caption className="sr-only">Awards, newest first</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="w-2/5 py-2 pr-3">
              Recipient
            </th>
            <th scope="col" className="pr-3">
              Badge
            </th>
            <th scope="col" className="w-44 pr-3">
              Status
            </th>
            <th scope="col" className="w-36">
              Issued
            </th>
          </tr>
        </thead>
        <tbody>
          {awards.map((a) => (
            <tr key={a.id} className="border-b border-stone-200 align-top" data-testid="award-row">
              <td className={`py-2 pr-3 ${WRAP}`}>
                <Link href={href(a)} className="font-medium underline">
                  {a.recipientName}
                </Link>
                <span className="block text-stone-700">{a.recipientEmail}</span>
              </td>
              <td className={`py-2 pr-3 ${WRAP}`}>{badgeOf(a)}</td>
              <td className="py-2 pr-3">
                <AwardStatus award={a} />
              </td>
              <td className="py-2">
                <time dateTime={a.issuedAt.toISOString()}>{formatDate(a.issuedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="flex flex-col gap-3 md:hidden" aria-label="Awards, newest first">
        {awards.map((a) => (
          <li
            key={a.id}
            className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4"
            data-testid="award-card"
          >
            <div className={WRAP}>
              <Link href={href(a)} className="font-medium underline">
                {a.recipientName}
              </Link>
              <span className="block text-sm text-stone-700">{a.recipientEmail}</span>
            </div>
            <p className={`text-sm ${WRAP}`}>{badgeOf(a)}</p>
            <dl className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              <div className="flex items-center gap-2">
                <dt className="sr-only">Status</dt>
                <dd>
                  <AwardStatus award={a} />
                </dd>
              </div>
              <div className="flex gap-1">
                <dt className="text-stone-700">Issued</dt>
                <dd>
                  <time dateTime={a.issuedAt.toISOString()}>{formatDate(a.issuedAt)}</time>
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
