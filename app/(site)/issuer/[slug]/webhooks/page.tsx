import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { listWebhookEndpoints } from '@/lib/webhooks/endpoints';
import { listDeliveries } from '@/lib/webhooks/list';
import { consoleContext } from '../../console';
import { RetryDelivery } from '../undelivered/retry-delivery';
import { CreateEndpointForm, EndpointActions } from './webhook-forms';

export const metadata: Metadata = { title: 'Webhooks · Issuer console' };

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { issuer, db } = await consoleContext(slug, '/webhooks', 'admin');
  const [endpoints, deliveries] = await Promise.all([
    listWebhookEndpoints(db, issuer.id),
    listDeliveries(db, { issuerId: issuer.id, limit: 50 }),
  ]);
  // A disabled endpoint's deliveries were failed on purpose: nothing is sent there again.
  const disabled = new Set(endpoints.filter((e) => e.disabledAt).map((e) => e.id));
  return (
    <div className="flex min-w-0 flex-col gap-8">
      <section aria-labelledby="endpoints-heading" className="flex flex-col gap-4">
        <h1 id="endpoints-heading" className="text-xl font-semibold">
          Webhooks
        </h1>
        <p className="text-stone-700">
          Laurel posts award.created, award.accepted, award.declined, award.revoked and award.unclaimed (the
          learner deleted their account: the award is pending again, with no owner) to your endpoints, signed,
          and retries with backoff for 24 hours until your endpoint answers 2xx.
        </p>
        <CreateEndpointForm slug={issuer.slug} />
        <ul className="flex flex-col gap-3">
          {endpoints.map((e) => (
            <li key={e.id} className="flex flex-col gap-2 rounded-md border border-stone-200 bg-white p-3">
              <span className="break-all font-medium">{e.url}</span>
              {e.disabledAt ? (
                <span className="text-sm text-stone-700">Disabled {formatDate(e.disabledAt)}</span>
              ) : (
                <EndpointActions slug={issuer.slug} endpointId={e.id} url={e.url} />
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="deliveries-heading" className="flex flex-col gap-3">
        <h2 id="deliveries-heading" className="text-lg font-semibold">
          Recent deliveries
        </h2>
        {deliveries.length > 0 ? (
          <p className="text-stone-700">
            A delivery that failed for good can be sent again with Retry: here, or with everything else that
            was not delivered on{' '}
            <Link href={`/issuer/${issuer.slug}/undelivered`} className="underline">
              Undelivered
            </Link>
            .
          </p>
        ) : null}
        {deliveries.length === 0 ? (
          <p className="text-stone-700" data-testid="no-deliveries">
            No deliveries yet. Each event Laurel sends appears here with your endpoint&apos;s answer; add an
            endpoint and send a test event to see one.
          </p>
        ) : (
          // A table keeps its columns; on a phone it scrolls inside this box, not the page.
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
          <section className="relative overflow-x-auto" aria-label="Delivery table" tabIndex={0}>
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-3">
                    Event
                  </th>
                  <th scope="col" className="pr-3">
                    Status
                  </th>
                  <th scope="col" className="pr-3">
                    Response
                  </th>
                  <th scope="col" className="pr-3">
                    Attempts
                  </th>
                  <th scope="col" className="pr-3">
                    Queued
                  </th>
                  <th scope="col">Endpoint</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} className="border-b border-stone-200" data-testid="delivery-row">
                    <td className="py-2 pr-3 align-top">{d.event}</td>
                    {/* Status leads, with Retry under a failed one, so a phone sees it without scrolling. */}
                    <td className="py-2 pr-3 align-top">
                      <div className="flex flex-col items-start gap-1">
                        {d.status}
                        {/* Mounted for every row, so "Queued again" stays once the row is no longer failed. */}
                        <RetryDelivery
                          slug={issuer.slug}
                          deliveryId={d.id}
                          canRetry={d.status === 'failed' && !disabled.has(d.endpointId)}
                          what={`${d.event} to ${d.endpointUrl}, queued ${formatDate(d.createdAt)}`}
                        />
                      </div>
                    </td>
                    <td className="py-2 pr-3 align-top">{d.lastStatusCode ?? d.lastError ?? '—'}</td>
                    <td className="py-2 pr-3 align-top">{d.attempts}</td>
                    <td className="py-2 pr-3 align-top">{formatDate(d.createdAt)}</td>
                    <td className="max-w-48 truncate py-2 align-top">{d.endpointUrl}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
    </div>
  );
}
