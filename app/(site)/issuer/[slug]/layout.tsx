import type { ReactNode } from 'react';
import { countUndelivered } from '@/lib/queue/dead-letter';
import { consoleContext } from '../console';
import { ConsoleNav, type ConsoleTab } from './console-nav';

export default async function IssuerConsoleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const { issuer, role, db } = await consoleContext(slug, '');
  const base = `/issuer/${issuer.slug}`;
  // Three capped counts on indexed columns (lib/queue/dead-letter.ts): cheap enough for every page.
  const waiting = await countUndelivered(db, { issuerId: issuer.id, includeDeliveries: role === 'admin' });
  const tabs: ConsoleTab[] = [
    { label: 'Templates', href: base, under: `${base}/templates` },
    { label: 'Award a badge', href: `${base}/award` },
    { label: 'Award from CSV', href: `${base}/bulk`, under: `${base}/bulk` },
    { label: 'Awards', href: `${base}/awards`, under: `${base}/awards` },
    {
      label: 'Undelivered',
      href: `${base}/undelivered`,
      count: waiting.total > 0 ? `${waiting.total}${waiting.isMore ? '+' : ''}` : undefined,
    },
    ...(role === 'admin'
      ? [
          { label: 'API keys', href: `${base}/keys` },
          { label: 'Webhooks', href: `${base}/webhooks` },
        ]
      : []),
  ];
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div>
        <p className="text-sm text-stone-700">Issuer console · {role}</p>
        <p className="text-2xl font-bold break-words">{issuer.name}</p>
      </div>
      <ConsoleNav tabs={tabs} />
      {children}
    </div>
  );
}
