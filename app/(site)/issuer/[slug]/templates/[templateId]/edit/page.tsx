import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getTemplate } from '@/lib/issuers/templates';
import { consoleContext } from '../../../../console';
import { TemplateForm } from '../../template-form';

export const metadata: Metadata = { title: 'Edit template · Issuer console' };

type Props = { params: Promise<{ slug: string; templateId: string }> };

export default async function EditTemplatePage({ params }: Props) {
  const { slug, templateId } = await params;
  const { issuer, db } = await consoleContext(slug, `/templates/${templateId}/edit`);
  const template = z.uuid().safeParse(templateId).success
    ? await getTemplate(db, { issuerId: issuer.id, templateId })
    : null;
  if (!template || template.archivedAt) notFound();
  return (
    <section aria-labelledby="edit-template-heading" className="flex flex-col gap-4">
      <h1 id="edit-template-heading" className="text-xl font-semibold">
        Edit {template.name}
      </h1>
      <TemplateForm
        slug={issuer.slug}
        issuerName={issuer.name}
        template={{
          id: template.id,
          name: template.name,
          description: template.description,
          criteriaNarrative: template.criteriaNarrative,
          criteriaUrl: template.criteriaUrl ?? '',
          skills: template.skills.join(', '),
          validityDays: template.validityDays ? String(template.validityDays) : '',
          imageUrl: `/images/${template.imageId}`,
        }}
      />
    </section>
  );
}
