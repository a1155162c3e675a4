'use client';

import { useEffect } from 'react';
import { type ShareLink, ShareLinkList } from './share-link-list';

/** Posts a view or share event; the server decides whether it counts. */
export function sendBadgeEvent(awardId: string, event: 'view' | 'share') {
  const body = JSON.stringify({ event });
  if (!navigator.sendBeacon?.(`/badges/${awardId}/events`, body)) {
    void fetch(`/badges/${awardId}/events`, { method: 'POST', body, keepalive: true }).catch(() => undefined);
  }
}

/** Counts one view of a cached public page (the server cannot, since it does not render it). */
export function ViewBeacon({ awardId }: { awardId: string }) {
  useEffect(() => sendBadgeEvent(awardId, 'view'), [awardId]);
  return null;
}

/** Social share links on the public page; only the signed-in owner's clicks count as shares. */
export function VisitorShareLinks({ awardId, links }: { awardId: string; links: ShareLink[] }) {
  return <ShareLinkList links={links} onShare={() => sendBadgeEvent(awardId, 'share')} />;
}
