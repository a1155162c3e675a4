import type { Metadata } from 'next';
import { consoleContext } from '../../../console';
import { TemplateForm } from '../template-form';

export const metadata: Metadata = { title: 'New template · Issuer console' };

export default async function NewTemplatePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { issuer } = await consoleContext(slug, '/templates/new');
  return (
    <section aria-labelledby="new-template-heading" className="flex flex-col gap-4">
      <h1 id="new-template-heading" className="text-xl font-semibold">
        New badge template
      </h1>
      <TemplateForm slug={issuer.slug} issuerName={issuer.name} />
    </section>
  );
}
