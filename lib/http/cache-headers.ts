/**
 * Cache-Control of the cached public pages a learner can hide (the badge page and its embed card).
 * A shared cache (a CDN) may keep them one second: every app instance stops serving a badge made
 * private, revoked or deleted within that second (lib/redis/cache-handler.mjs), and a CDN must not
 * undo it. Next's own ISR header (`s-maxage=60, stale-while-revalidate=31535940`) would let a CDN
 * serve the old page for up to a year. Browsers revalidate each time (Next answers 304 by ETag).
 */
export const HIDEABLE_PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, must-revalidate';

/** The badge's link preview image: browsers may keep it a minute, a CDN one second like the page. */
export const HIDEABLE_IMAGE_CACHE_CONTROL = 'public, max-age=60, s-maxage=1';
