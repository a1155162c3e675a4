import type { Metadata } from 'next';
import { listTemplates } from '@/lib/issuers/issuers';
import { consoleContext } from '../../console';
import { AwardForm } from './award-form';

export const metadata: Metadata = { title: 'Award a badge · Issuer console' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ template?: string }> };

export default async function AwardPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '/award');
  const templates = await listTemplates(db, issuer.id);
  return (
    <section aria-labelledby="award-heading" className="flex flex-col gap-4">
      <h1 id="award-heading" className="text-xl font-semibold">
        Award a badge
      </h1>
      {templates.length === 0 ? (
        <p>Create a badge template first.</p>
      ) : (
        <AwardForm
          slug={issuer.slug}
          templates={templates.map((t) => ({ id: t.id, name: t.name }))}
          selected={(await searchParams).template}
        />
      )}
    </section>
  );
}
