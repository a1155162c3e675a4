import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { listTemplates } from '@/lib/issuers/issuers';
import { consoleContext } from '../console';
import { archiveTemplateAction } from './templates/actions';

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
            <Card className="flex h-full gap-4">
              {/* biome-ignore lint/performance/noImgElement: served by our image route, often SVG */}
              <img
                src={`/images/${t.imageId}`}
                alt=""
                width={64}
                height={64}
                className="h-16 w-16 shrink-0"
              />
              <div className="flex flex-col gap-1">
                <h2 className="font-semibold">{t.name}</h2>
                <p className="text-sm text-stone-800">{t.description}</p>
                <p className="text-xs text-stone-700">Template id: {t.id}</p>
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <Link href={`/issuer/${issuer.slug}/award?template=${t.id}`} className="underline">
                    Award this badge
                  </Link>
                  <Link href={`/issuer/${issuer.slug}/templates/${t.id}/edit`} className="underline">
                    Edit<span className="sr-only"> {t.name}</span>
                  </Link>
                  <form action={archiveTemplateAction}>
                    <input type="hidden" name="slug" value={issuer.slug} />
                    <input type="hidden" name="templateId" value={t.id} />
                    <button type="submit" className="underline">
                      Archive<span className="sr-only"> {t.name}</span>
                    </button>
                  </form>
                </div>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
