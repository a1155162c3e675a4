import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { BadgeTile } from '@/components/badges/badge-tile';
import { FormMessage } from '@/components/ui/form-message';
import type { Db } from '@/db/client';
import { isAppError } from '@/lib/errors';
import { listTemplates } from '@/lib/issuers/issuers';
import { getTemplate } from '@/lib/issuers/templates';
import { consoleContext } from '../console';
import { ArchiveTemplateForm } from './templates/archive-template-form';

export const metadata: Metadata = { title: 'Templates · Issuer console' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ archived?: string }> };

/** The template just archived (the archive action's redirect names it), if it is this issuer's. */
async function justArchived(db: Db, issuerId: string, templateId: string | undefined) {
  if (!templateId || !z.uuid().safeParse(templateId).success) return null;
  try {
    const template = await getTemplate(db, { issuerId, templateId });
    return template.archivedAt ? template : null;
  } catch (error) {
    if (isAppError(error, 'not_found')) return null;
    throw error;
  }
}

export default async function IssuerTemplatesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '');
  const [templates, archived] = await Promise.all([
    listTemplates(db, issuer.id),
    justArchived(db, issuer.id, (await searchParams).archived),
  ]);
  return (
    <section aria-labelledby="templates-heading" className="flex min-w-0 flex-col gap-4">
      <h1 id="templates-heading" className="text-xl font-semibold">
        Badge templates
      </h1>
      <FormMessage tone="success">
        {archived
          ? `“${archived.name}” is archived: it can no longer be awarded. Badges already awarded from it stay valid.`
          : null}
      </FormMessage>
      <Link href={`/issuer/${issuer.slug}/templates/new`} className="self-start font-medium underline">
        New template
      </Link>
      {templates.length === 0 ? <p>No templates yet.</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {templates.map((t) => (
          <li key={t.id}>
            <BadgeTile name={t.name} imageId={t.imageId} headingLevel={2} size="md">
              <p className="text-sm text-stone-800">{t.description}</p>
              <p className="text-xs break-all text-stone-700">Template id: {t.id}</p>
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
