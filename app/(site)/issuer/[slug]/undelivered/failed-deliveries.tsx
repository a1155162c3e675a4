'use client';

import type { FailedDelivery } from '@/lib/queue/dead-letter';
import { CARD, Fact, Facts } from './facts';
import { RetryDelivery } from './retry-delivery';
import { formatWhen } from './when';

const answerOf = (d: FailedDelivery) =>
  d.lastError ?? (d.lastStatusCode ? `The endpoint answered HTTP ${d.lastStatusCode}.` : 'Unknown');

/** Failed webhook deliveries, each with its Retry; a retried one stays, saying it is queued again. */
export function FailedDeliveries({ slug, deliveries }: { slug: string; deliveries: FailedDelivery[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {deliveries.map((d) => (
        <li key={d.id} className={CARD} data-testid="failed-delivery">
          <p className="font-mono font-semibold">{d.event}</p>
          <Facts>
            <Fact term="Endpoint">{d.endpointUrl}</Fact>
            <Fact term="Why">{answerOf(d)}</Fact>
            <Fact term="Attempts">{d.attempts}</Fact>
            <Fact term="Queued">{formatWhen(d.createdAt)}</Fact>
            {d.lastAttemptAt ? <Fact term="Last tried">{formatWhen(d.lastAttemptAt)}</Fact> : null}
          </Facts>
          <RetryDelivery
            slug={slug}
            deliveryId={d.id}
            canRetry
            what={`${d.event} to ${d.endpointUrl}, queued ${formatWhen(d.createdAt)}`}
          />
        </li>
      ))}
    </ul>
  );
}
