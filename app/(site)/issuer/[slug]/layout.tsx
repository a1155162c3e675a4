import Link from 'next/link';
import type { ReactNode } from 'react';
import { consoleContext } from '../console';

export default async function IssuerConsoleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const { issuer, role } = await consoleContext(slug, '');
  const base = `/issuer/${issuer.slug}`;
  const links = [
    ['Templates', base],
    ['Award a badge', `${base}/award`],
    ['Award from CSV', `${base}/bulk`],
    ['Awards', `${base}/awards`],
    ...(role === 'admin'
      ? [
          ['API keys', `${base}/keys`],
          ['Webhooks', `${base}/webhooks`],
        ]
      : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-stone-700">Issuer console · {role}</p>
        <p className="text-2xl font-bold">{issuer.name}</p>
      </div>
      <nav aria-label="Issuer console">
        <ul className="flex flex-wrap gap-2 border-b border-stone-200 pb-3">
          {links.map(([label, href]) => (
            <li key={href}>
              <Link
                href={href ?? base}
                className="rounded px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
