import type { Metadata } from 'next';
import { listTemplates } from '@/lib/issuers/issuers';
import { consoleContext } from '../../console';
import { BulkForm } from './bulk-form';

export const metadata: Metadata = { title: 'Award from CSV · Issuer console' };

export default async function BulkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '/bulk');
  const templates = await listTemplates(db, issuer.id);
  return (
    <section aria-labelledby="bulk-heading" className="flex flex-col gap-4">
      <h1 id="bulk-heading" className="text-xl font-semibold">
        Award from a CSV file
      </h1>
      <BulkForm slug={issuer.slug} templates={templates.map((t) => ({ id: t.id, name: t.name }))} />
    </section>
  );
}
