import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { z } from 'zod';
import { BadgeTile } from '@/components/badges/badge-tile';
import { FormMessage } from '@/components/ui/form-message';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { findDeclinedBadge, listWallet, type WalletBadge } from '@/lib/awards/wallet';
import { awardStatus } from '@/lib/badges/public-award';
import { formatDate } from '@/lib/format';
import { importedUrls } from '@/lib/imports/present';
import { listImportedBadges, type ShownImportedBadge } from '@/lib/imports/wallet';
import { getSettings } from '@/lib/profile/settings';
import { ImportPanel } from './import-panel';
import { type ProfileStatus, profileStatus } from './profile-status';

export const metadata: Metadata = { title: 'Your wallet' };

type Search = { declined?: string; removed?: string };

export default async function WalletPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser('/wallet');
  const db = await getDb();
  const badges = await listWallet(db, user.id);
  const pending = badges.filter((b) => b.state === 'pending');
  const accepted = badges.filter((b) => b.state === 'accepted');
  const imported = await listImportedBadges(db, user.id);
  const { declined, removed } = await searchParams;
  const declinedBadge = z.uuid().safeParse(declined).success
    ? await findDeclinedBadge(db, { userId: user.id, awardId: declined ?? '' })
    : null;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Your wallet</h1>
        <ProfileLine profile={profileStatus(await getSettings(db, user.id))} />
      </div>
      {declinedBadge ? (
        <FormMessage tone="info">
          You declined {declinedBadge.badgeName} from {declinedBadge.issuerName}. {declinedBadge.issuerName}{' '}
          has been told, and it will not be added to your wallet.
        </FormMessage>
      ) : null}
      {removed ? <FormMessage tone="info">The badge was removed from your wallet.</FormMessage> : null}
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
        {accepted.length > 0 || imported.length > 0 ? (
          <BadgeGrid badges={accepted}>
            <ImportedTiles badges={imported} />
          </BadgeGrid>
        ) : (
          <p className="text-stone-700">
            No badges yet. When an issuer awards you one, you will get an email with a link to claim it.
          </p>
        )}
      </section>
      <ImportPanel />
    </div>
  );
}

const importedStatusWords = {
  verified: { text: 'Verified', className: 'text-green-800' },
  unverified: { text: 'Not verified yet: Laurel will try again', className: 'text-amber-900' },
  expired: { text: 'Expired', className: 'text-amber-900' },
  invalid: { text: 'No longer verifies', className: 'text-red-800' },
} as const;

/** Badges earned outside Laurel, in the same grid as the issued ones. */
function ImportedTiles({ badges }: { badges: ShownImportedBadge[] }) {
  return badges.map((badge) => {
    const status = importedStatusWords[badge.status];
    return (
      <li key={badge.id}>
        <BadgeTile
          href={importedUrls(badge.id).wallet}
          name={badge.badgeName}
          imageSrc={importedUrls(badge.id).image}
          issuerName={`${badge.issuerName}, outside Laurel`}
        >
          {badge.issuedAt ? (
            <span className="text-sm text-stone-700">Issued {formatDate(badge.issuedAt)}</span>
          ) : null}
          <span className={`text-sm font-semibold ${status.className}`}>
            {badge.status === 'expired' && badge.expiresAt
              ? `Expired on ${formatDate(badge.expiresAt)}`
              : status.text}
          </span>
          <span className="text-sm font-medium">
            {badge.isPublic ? 'Public' : 'Private — only you can see it'}
          </span>
        </BadgeTile>
      </li>
    );
  });
}

/** Where the learner's public profile is, or how to get one. */
function ProfileLine({ profile }: { profile: ProfileStatus }) {
  if (profile.kind === 'live') {
    return (
      <p className="text-stone-700">
        Your public profile:{' '}
        <Link href={`/u/${profile.handle}`} className="font-medium underline">
          /u/{profile.handle}
        </Link>
      </p>
    );
  }
  return (
    <p className="text-stone-700">
      {profile.kind === 'none'
        ? 'Show your public badges on one page of your own. '
        : 'Your public profile is hidden. '}
      <Link href="/settings#profile" className="font-medium underline">
        {profile.kind === 'none' ? 'Set up your public profile' : 'Make it public in Settings'}
      </Link>
    </p>
  );
}

function BadgeGrid({ badges, children }: { badges: WalletBadge[]; children?: ReactNode }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {badges.map((badge) => {
        const status = awardStatus(badge);
        return (
          <li key={badge.id}>
            <BadgeTile
              href={`/wallet/${badge.id}`}
              name={badge.badgeName}
              imageId={badge.badgeImageId}
              issuerName={badge.issuerName}
            >
              {status.kind === 'revoked' ? (
                <span className="text-sm font-semibold text-red-800" data-testid="ended-marker">
                  Revoked by {badge.issuerName} on {formatDate(status.on)}
                </span>
              ) : null}
              {status.kind === 'expired' ? (
                <span className="text-sm font-semibold text-amber-900" data-testid="ended-marker">
                  Expired on {formatDate(status.on)}
                </span>
              ) : null}
              <span className="text-sm text-stone-700">Issued {formatDate(badge.issuedAt)}</span>
              {badge.expiresAt && status.kind === 'valid' ? (
                <span className="text-sm text-stone-700">Expires {formatDate(badge.expiresAt)}</span>
              ) : null}
              {badge.state === 'pending' ? (
                <span className="text-sm font-medium text-amber-900">Waiting for you to accept</span>
              ) : (
                <span className="text-sm font-medium" data-testid="visibility-marker">
                  {badge.isPublic ? 'Public' : 'Private — only you can see it'}
                </span>
              )}
            </BadgeTile>
          </li>
        );
      })}
      {children}
    </ul>
  );
}
