import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { listMemberships } from '@/lib/issuers/members';

export const metadata: Metadata = { title: 'Issuer console' };

export default async function IssuerIndexPage() {
  const user = await requireUser('/issuer');
  const memberships = await listMemberships(await getDb(), user.id);
  const [only] = memberships;
  if (only && memberships.length === 1) redirect(`/issuer/${only.issuer.slug}`);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">Issuer console</h1>
      {memberships.length === 0 ? (
        <p>
          You are not a member of any issuer. An issuer admin can add you; for a new organization, see the
          README (<code>npm run cli -- issuer create</code>).
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {memberships.map((m) => (
            <li key={m.issuer.id}>
              <Link href={`/issuer/${m.issuer.slug}`} className="font-medium underline">
                {m.issuer.name}
              </Link>{' '}
              <span className="text-sm text-stone-700">({m.role})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
