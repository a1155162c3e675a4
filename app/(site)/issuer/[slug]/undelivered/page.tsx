import type { Metadata } from 'next';
import { listUndelivered } from '@/lib/queue/dead-letter';
import { RETENTION_DAYS } from '@/lib/queue/maintenance';
import { consoleContext } from '../../console';
import { UndeliveredLists } from './undelivered-lists';

export const metadata: Metadata = { title: 'Undelivered · Issuer console' };

/**
 * What background work gave up on, for this issuer, with the way to send each again. Members see
 * emails and uploads; webhook deliveries are admin work, as on the Webhooks page.
 */
export default async function UndeliveredPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { issuer, role, db } = await consoleContext(slug, '/undelivered');
  const isAdmin = role === 'admin';
  const undelivered = await listUndelivered(db, { issuerId: issuer.id, includeDeliveries: isAdmin });
  const kinds = isAdmin ? 'webhook deliveries, emails and CSV uploads' : 'emails and CSV uploads';
  return (
    <section aria-labelledby="undelivered-heading" className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 id="undelivered-heading" className="text-xl font-semibold">
          Undelivered
        </h1>
        <p className="text-stone-700">
          The {kinds} Laurel stopped retrying, and how to send each again. Failed emails and deliveries are
          kept for {RETENTION_DAYS.outbox} days.
          {isAdmin ? null : ' Failed webhook deliveries are shown to admins.'}
        </p>
      </div>
      <UndeliveredLists slug={issuer.slug} isAdmin={isAdmin} {...undelivered} />
    </section>
  );
}
