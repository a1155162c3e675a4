import Link from 'next/link';
import { IssuerContact } from '@/components/badges/issuer-contact';
import { Card } from '@/components/ui/card';
import type { ClaimLookup } from '@/lib/awards/claim';
import { formatDate } from '@/lib/format';

type Problem = Exclude<ClaimLookup, { status: 'open' }>;

/** Why a claim link does not work (or was used to decline), and what the learner can do about it. */
export function ClaimProblem({ claim }: { claim: Problem }) {
  const issuer = claim.status === 'unknown' ? 'the organization that sent it' : claim.issuerName;
  const { title, body } = {
    unknown: {
      title: 'This claim link is not valid',
      body: 'The link may have been copied incompletely. Open the link from the most recent email, or ask the issuer to send the badge again.',
    },
    used: {
      title: 'This badge has already been claimed',
      body: 'Each claim link works once. If you accepted it, it is in your wallet. If that was not you, contact the issuer.',
    },
    declined: {
      title: 'You declined this badge',
      body: `${issuer} has been told, and the badge will not be added to any wallet. This cannot be undone: if you change your mind, ask ${issuer} to award it to you again.`,
    },
    replaced: {
      title: 'A newer claim link was emailed to you',
      body: `${issuer} sent this badge again with a new link, so this one no longer works. Open the link in the most recent email from ${issuer}.`,
    },
    revoked: {
      title: 'This badge has been revoked',
      body: `${issuer} has withdrawn this badge, so it can no longer be claimed. Contact them if you think this is a mistake.`,
    },
    expired: {
      title: 'This claim link has expired',
      body: `Claim links work for a limited time. Ask ${issuer} to resend your badge; you will get a new link by email.`,
    },
  }[claim.status];
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <Card className="flex flex-col gap-3">
        {claim.status !== 'unknown' ? (
          <p>
            Badge: <strong>{claim.badgeName}</strong> from <strong>{claim.issuerName}</strong>
            {claim.status === 'declined' ? `, declined on ${formatDate(claim.declinedAt)}` : null}
          </p>
        ) : null}
        <p>{body}</p>
        {claim.status !== 'unknown' && claim.status !== 'replaced' ? (
          <p>
            <IssuerContact name={claim.issuerName} email={claim.issuerEmail} url={claim.issuerUrl} />
          </p>
        ) : null}
        <p className="flex flex-wrap gap-x-4 gap-y-2">
          <Link href="/wallet" className="underline">
            Go to your wallet
          </Link>
          <Link href="/help#claim" className="underline">
            Help with claiming
          </Link>
        </p>
      </Card>
    </div>
  );
}
