'use client';

import type { ReactNode } from 'react';
import type { Undelivered } from '@/lib/queue/dead-letter';
import { FailedDeliveries } from './failed-deliveries';
import { FailedEmails } from './failed-emails';
import { FailedUploads } from './failed-uploads';
import { useKeptRows } from './kept-rows';

type Props = Undelivered & { slug: string; isAdmin: boolean };

/**
 * The three lists, or that nothing is waiting. Retried rows stay in place (useKeptRows), so the
 * outcome of a Retry stays on screen while the server already counts it as no longer waiting.
 */
export function UndeliveredLists({ slug, isAdmin, deliveries, emails, uploads }: Props) {
  const keptDeliveries = useKeptRows(deliveries.items);
  const keptUploads = useKeptRows(uploads.items);
  if (keptDeliveries.length + emails.items.length + keptUploads.length === 0) {
    return (
      <p className="rounded-md border border-stone-200 bg-white p-4" data-testid="nothing-undelivered">
        Nothing is waiting. Every {isAdmin ? 'webhook delivery, email' : 'email'} and CSV upload was delivered
        or is still being tried.
      </p>
    );
  }
  return (
    <>
      {keptDeliveries.length > 0 ? (
        <Kind
          id="deliveries"
          title="Webhook deliveries"
          shown={deliveries.items.length}
          hasMore={deliveries.hasMore}
        >
          <FailedDeliveries slug={slug} deliveries={keptDeliveries} />
        </Kind>
      ) : null}
      {emails.items.length > 0 ? (
        <Kind id="emails" title="Emails" shown={emails.items.length} hasMore={emails.hasMore}>
          <FailedEmails slug={slug} emails={emails.items} />
        </Kind>
      ) : null}
      {keptUploads.length > 0 ? (
        <Kind id="uploads" title="CSV uploads" shown={uploads.items.length} hasMore={uploads.hasMore}>
          <FailedUploads slug={slug} uploads={keptUploads} />
        </Kind>
      ) : null}
    </>
  );
}

function Kind(props: { id: string; title: string; shown: number; hasMore: boolean; children: ReactNode }) {
  const headingId = `${props.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {props.title}
      </h2>
      {props.hasMore ? (
        <p className="text-sm text-stone-700">
          Showing the newest {props.shown}; older ones appear here as you deal with these.
        </p>
      ) : null}
      {props.children}
    </section>
  );
}
