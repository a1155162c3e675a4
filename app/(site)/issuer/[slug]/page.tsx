import type { Metadata } from 'next';
import Link from 'next/link';
import { BadgeTile } from '@/components/badges/badge-tile';
import { listTemplates } from '@/lib/issuers/issuers';
import { consoleContext } from '../console';
import { ArchiveTemplateForm } from './templates/archive-template-form';

export const metadata: Metadata = { title: 'Templates · Issuer console' };

export default async function IssuerTemplatesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '');
  const templates = await listTemplates(db, issuer.id);
  return (
    <section aria-labelledby="templates-heading" className="flex flex-col gap-4">
      <h1 id="templates-heading" className="text-xl font-semibold">
        Badge templates
      </h1>
      <Link href={`/issuer/${issuer.slug}/templates/new`} className="self-start font-medium underline">
        New template
      </Link>
      {templates.length === 0 ? <p>No templates yet.</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {templates.map((t) => (
          <li key={t.id}>
            <BadgeTile name={t.name} imageId={t.imageId} headingLevel={2} size="md">
              <p className="text-sm text-stone-800">{t.description}</p>
              <p className="text-xs text-stone-700">Template id: {t.id}</p>
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <Link href={`/issuer/${issuer.slug}/award?template=${t.id}`} className="underline">
                  Award this badge
                </Link>
                <Link href={`/issuer/${issuer.slug}/templates/${t.id}/edit`} className="underline">
                  Edit<span className="sr-only"> {t.name}</span>
                </Link>
                <ArchiveTemplateForm slug={issuer.slug} templateId={t.id} name={t.name} />
              </div>
            </BadgeTile>
          </li>
        ))}
      </ul>
    </section>
  );
}
