import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { badgeMetadata, loadPublicAward } from '@/app/(public)/badges/[awardId]/load';
import { getConfig } from '@/lib/config';
import { EmbedCard } from './embed-card';

type Props = { params: Promise<{ awardId: string }> };

// Cached like the badge page it summarises.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { title, alternates } = await badgeMetadata((await params).awardId);
  return { title, alternates, robots: { index: false } };
}

/** A compact card of a public badge for other sites to frame (~360×180). */
export default async function EmbedBadgePage({ params }: Props) {
  const found = await loadPublicAward((await params).awardId);
  if (!found) notFound();
  return (
    <main className="p-1">
      <EmbedCard found={found} publicUrl={`${getConfig().appUrl}/badges/${found.award.id}`} />
    </main>
  );
}
