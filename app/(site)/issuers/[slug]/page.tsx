import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { BadgeTile } from '@/components/badges/badge-tile';
import { getDb } from '@/db/client';
import { findIssuerBySlug, listTemplates } from '@/lib/issuers/issuers';

type Props = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => findIssuerBySlug(await getDb(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issuer = await load((await params).slug);
  return { title: issuer ? issuer.name : 'Issuer not found' };
}

export default async function IssuerPage({ params }: Props) {
  const issuer = await load((await params).slug);
  if (!issuer) notFound();
  const templates = await listTemplates(await getDb(), issuer.id);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{issuer.name}</h1>
        {issuer.description ? <p className="text-stone-800">{issuer.description}</p> : null}
        <p className="flex flex-wrap gap-4 text-sm">
          <a href={issuer.url} className="underline" rel="noopener noreferrer">
            {issuer.url.replace(/^https?:\/\//, '')}
          </a>
          <a href={`mailto:${issuer.email}`} className="underline">
            {issuer.email}
          </a>
        </p>
      </header>
      <section aria-labelledby="templates-heading" className="flex flex-col gap-3">
        <h2 id="templates-heading" className="text-xl font-semibold">
          Badges from {issuer.name}
        </h2>
        {templates.length === 0 ? <p>No badges published yet.</p> : null}
        <ul className="grid gap-4 sm:grid-cols-2">
          {templates.map((t) => (
            <li key={t.id}>
              <BadgeTile name={t.name} imageId={t.imageId} headingLevel={3} size="lg">
                <p className="text-sm text-stone-800">{t.description}</p>
                {t.skills.length ? (
                  <p className="text-sm text-stone-700">Skills: {t.skills.join(', ')}</p>
                ) : null}
              </BadgeTile>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
