import type { Metadata } from 'next';
import { BadgeTile } from '@/components/badges/badge-tile';
import { FormMessage } from '@/components/ui/form-message';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { listWallet, type WalletBadge } from '@/lib/awards/wallet';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Your wallet' };

type Search = { declined?: string };

export default async function WalletPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser('/wallet');
  const badges = await listWallet(await getDb(), user.id);
  const pending = badges.filter((b) => b.state === 'pending');
  const accepted = badges.filter((b) => b.state === 'accepted');
  const { declined } = await searchParams;

  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold">Your wallet</h1>
      {declined ? <FormMessage tone="info">You declined the badge.</FormMessage> : null}
      {pending.length > 0 ? (
        <section aria-labelledby="pending-heading" className="flex flex-col gap-3">
          <h2 id="pending-heading" className="text-xl font-semibold">
            Waiting for your decision
          </h2>
          <BadgeGrid badges={pending} />
        </section>
      ) : null}
      <section aria-labelledby="badges-heading" className="flex flex-col gap-3">
        <h2 id="badges-heading" className="text-xl font-semibold">
          Your badges
        </h2>
        {accepted.length > 0 ? (
          <BadgeGrid badges={accepted} />
        ) : (
          <p className="text-stone-700">
            No badges yet. When an issuer awards you one, you will get an email with a link to claim it.
          </p>
        )}
      </section>
    </div>
  );
}

function BadgeGrid({ badges }: { badges: WalletBadge[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {badges.map((badge) => (
        <li key={badge.id}>
          <BadgeTile
            href={`/wallet/${badge.id}`}
            name={badge.badgeName}
            imageId={badge.badgeImageId}
            issuerName={badge.issuerName}
          >
            <span className="text-sm text-stone-700">Issued {formatDate(badge.issuedAt)}</span>
            {badge.expiresAt ? (
              <span className="text-sm text-stone-700">Expires {formatDate(badge.expiresAt)}</span>
            ) : null}
            {badge.state === 'pending' ? (
              <span className="text-sm font-medium text-amber-900">Waiting for you to accept</span>
            ) : (
              <span className="text-sm font-medium" data-testid="visibility-marker">
                {badge.isPublic ? 'Public' : 'Private — only you can see it'}
              </span>
            )}
            {badge.revokedAt ? (
              <span className="text-sm font-medium text-red-800">Revoked by the issuer</span>
            ) : null}
          </BadgeTile>
        </li>
      ))}
    </ul>
  );
}
