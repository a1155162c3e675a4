import type { Metadata } from 'next';
import { listApiKeys } from '@/lib/api-keys/list';
import { formatDate } from '@/lib/format';
import { consoleContext } from '../../console';
import { CreateKeyForm, RevokeKeyForm } from './key-forms';

export const metadata: Metadata = { title: 'API keys · Issuer console' };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '/keys', 'admin');
  const keys = await listApiKeys(db, issuer.id);
  return (
    <section aria-labelledby="keys-heading" className="flex flex-col gap-6">
      <h1 id="keys-heading" className="text-xl font-semibold">
        API keys
      </h1>
      <CreateKeyForm slug={issuer.slug} />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API keys</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th className="py-2">Name</th>
            <th>Key starts</th>
            <th>Created</th>
            <th>Last used</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className="border-b border-stone-200">
              <td className="py-2">{k.name}</td>
              <td>
                <code>lrl_{k.prefix}_…</code>
              </td>
              <td>{formatDate(k.createdAt)}</td>
              <td>{k.lastUsedAt ? formatDate(k.lastUsedAt) : 'Never'}</td>
              <td>
                {k.revokedAt ? (
                  `Revoked ${formatDate(k.revokedAt)}`
                ) : (
                  <RevokeKeyForm slug={issuer.slug} keyId={k.id} name={k.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
