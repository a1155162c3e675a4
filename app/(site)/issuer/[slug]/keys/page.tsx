import type { Metadata } from 'next';
import { listApiKeys } from '@/lib/api-keys/list';
import { formatDate } from '@/lib/format';
import { consoleContext } from '../../console';
import { CreateKeyForm, KeyStatus } from './key-forms';

export const metadata: Metadata = { title: 'API keys · Issuer console' };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '/keys', 'admin');
  const keys = await listApiKeys(db, issuer.id);
  return (
    <section aria-labelledby="keys-heading" className="flex min-w-0 flex-col gap-6">
      <h1 id="keys-heading" className="text-xl font-semibold">
        API keys
      </h1>
      <CreateKeyForm slug={issuer.slug} activeKeyIds={keys.filter((k) => !k.revokedAt).map((k) => k.id)} />
      {keys.length === 0 ? (
        <p className="text-stone-700">No keys yet. Create one for each system that awards badges for you.</p>
      ) : (
        // On a phone the table folds two columns into the first; should it still be too wide, it
        // scrolls inside this box, not the page.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <section className="relative overflow-x-auto" aria-label="Your API keys" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your API keys</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">
                  Name
                </th>
                <th scope="col" className="hidden pr-3 sm:table-cell">
                  Key starts
                </th>
                <th scope="col" className="hidden pr-3 sm:table-cell">
                  Created
                </th>
                <th scope="col" className="pr-3">
                  Last used
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-b border-stone-200 align-top">
                  <td className="py-2 pr-3 break-words">
                    {k.name}
                    {/* On a phone the narrow columns fold in here, so Revoke stays in view. */}
                    <span className="block text-xs text-stone-700 sm:hidden">
                      <code>lrl_{k.prefix}_…</code>, created {formatDate(k.createdAt)}
                    </span>
                  </td>
                  <td className="hidden py-2 pr-3 sm:table-cell">
                    <code>lrl_{k.prefix}_…</code>
                  </td>
                  <td className="hidden py-2 pr-3 sm:table-cell">{formatDate(k.createdAt)}</td>
                  <td className="py-2 pr-3">{k.lastUsedAt ? formatDate(k.lastUsedAt) : 'Never'}</td>
                  <td className="py-2">
                    <KeyStatus slug={issuer.slug} keyId={k.id} name={k.name} revokedAt={k.revokedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
