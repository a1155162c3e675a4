import Link from 'next/link';
import type { FailedEmail } from '@/lib/queue/dead-letter';
import { CARD, Fact, Facts } from './facts';
import { formatWhen } from './when';

/**
 * Emails about the issuer's awards that could not be delivered. Nothing here re-sends one: a claim
 * link lives only in its email, so the award's page sends a new email with a new link instead.
 */
export function FailedEmails({ slug, emails }: { slug: string; emails: FailedEmail[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {emails.map((e) => (
        <li key={e.id} className={CARD} data-testid="failed-email">
          <p className="font-semibold break-words [overflow-wrap:anywhere]">
            {e.recipientName} <span className="font-normal text-stone-700">({e.to})</span>
          </p>
          <Facts>
            <Fact term="Subject">{e.subject}</Fact>
            <Fact term="Why">{e.lastError ?? 'Unknown'}</Fact>
            <Fact term="Queued">{formatWhen(e.createdAt)}</Fact>
          </Facts>
          <p className="text-sm">
            {e.isRevocationNotice
              ? 'The learner was not told that this badge was revoked; tell them another way.'
              : 'The learner has no working claim link: the award’s page can send a new claim email with a new link.'}
          </p>
          <Link href={`/issuer/${slug}/awards/${e.awardId}`} className="self-start font-medium underline">
            Open the award<span className="sr-only"> for {e.recipientName}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
