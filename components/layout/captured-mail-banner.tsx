'use client';

import { useEffect, useState } from 'react';
import { DemoBanner } from './demo-banner';

/**
 * The demo banner for pages built once and served from the cache: the build cannot know how the
 * server that serves them handles mail, so the page asks that server (app/api/mode).
 */
export function CapturedMailBanner() {
  const [isCaptured, setIsCaptured] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/mode', { cache: 'no-store', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((mode: { captured?: unknown } | null) => setIsCaptured(mode?.captured === true))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return isCaptured ? <DemoBanner /> : null;
}
