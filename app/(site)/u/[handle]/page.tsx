import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { BadgeTile } from '@/components/badges/badge-tile';
import { getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { formatDate } from '@/lib/format';
import { importedUrls } from '@/lib/imports/present';
import { findPublicProfile, type PublicProfileBadge } from '@/lib/profile/public-profile';

type Props = { params: Promise<{ handle: string }> };

const load = cache(async (handle: string) => findPublicProfile(await getDb(), handle));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await load((await params).handle);
  if (!profile) return { title: 'Profile not found' };
  const { appUrl } = getConfig();
  const count = profile.badges.length;
  const description =
    profile.headline || `${profile.name} has ${count} verified badge${count === 1 ? '' : 's'} on Laurel.`;
  return {
    title: profile.name,
    description,
    alternates: { canonical: `${appUrl}/u/${profile.handle}` },
    openGraph: {
      type: 'profile',
      title: `${profile.name} on Laurel`,
      description,
      url: `${appUrl}/u/${profile.handle}`,
      siteName: 'Laurel',
      images: profile.photoImageId
        ? [{ url: `${appUrl}/images/${profile.photoImageId}`, width: 400, height: 400, alt: profile.name }]
        : undefined,
    },
  };
}

export default async function PublicProfilePage({ params }: Props) {
  const profile = await load((await params).handle);
  if (!profile) notFound();
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-wrap items-center gap-6">
        {profile.photoImageId ? (
          // biome-ignore lint/performance/noImgElement: served by our image route, already 400×400
          <img
            src={`/images/${profile.photoImageId}`}
            alt={profile.name}
            width={128}
            height={128}
            className="h-32 w-32 rounded-full border border-stone-200 object-cover"
          />
        ) : null}
        <div className="flex flex-col gap-1">
          <h1 className="text-3xl font-bold">{profile.name}</h1>
          {profile.headline ? <p className="text-lg text-stone-800">{profile.headline}</p> : null}
        </div>
      </header>
      <section aria-labelledby="badges-heading" className="flex flex-col gap-3">
        <h2 id="badges-heading" className="text-xl font-semibold">
          Badges
        </h2>
        {profile.badges.length + profile.importedBadges.length === 0 ? (
          <p className="text-stone-700">No public badges yet.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {profile.badges.map((badge) => (
              <BadgeItem key={badge.id} badge={badge} />
            ))}
            {profile.importedBadges.map((badge) => (
              <li key={badge.id}>
                <BadgeTile
                  name={badge.badgeName}
                  nameHref={importedUrls(badge.id).page}
                  imageSrc={importedUrls(badge.id).image}
                  issuerName={`${badge.issuerName}, outside Laurel`}
                >
                  {badge.issuedAt ? (
                    <span className="text-sm text-stone-700">Issued {formatDate(badge.issuedAt)}</span>
                  ) : null}
                  {badge.status === 'unverified' ? (
                    <span className="text-sm font-medium text-amber-900">Not verified yet</span>
                  ) : null}
                  {badge.status === 'expired' && badge.expiresAt ? (
                    <span className="text-sm font-medium text-amber-900">
                      Expired {formatDate(badge.expiresAt)}
                    </span>
                  ) : null}
                </BadgeTile>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function BadgeItem({ badge }: { badge: PublicProfileBadge }) {
  const isExpired = badge.expiresAt !== null && badge.expiresAt <= new Date();
  return (
    <li>
      <BadgeTile
        name={badge.badgeName}
        nameHref={`/badges/${badge.id}`}
        imageId={badge.badgeImageId}
        issuerName={badge.issuerName}
        issuerHref={`/issuers/${badge.issuerSlug}`}
      >
        <span className="text-sm text-stone-700">Issued {formatDate(badge.issuedAt)}</span>
        {isExpired && badge.expiresAt ? (
          <span className="text-sm font-medium text-amber-900">Expired {formatDate(badge.expiresAt)}</span>
        ) : null}
      </BadgeTile>
    </li>
  );
}
