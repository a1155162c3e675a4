import type { Page, Request } from '@playwright/test';

// Cancelled, not failed: a prefetch, a favicon or a document the page navigated away from
// before it finished. Missing files show up as their status instead.
const isCancelled = (request: Request) => request.failure()?.errorText === 'net::ERR_ABORTED';

/**
 * Watches a page for what a visitor's browser would complain about: console errors, failed
 * requests and error statuses of anything but the documents themselves (a 404 page is meant to
 * answer 404, and Chromium logs that as a failed resource too). Returns a reader of what it saw.
 */
export function watchPage(page: Page): () => string[] {
  const problems: string[] = [];
  const documents = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.add(request.url());
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    if (message.text().startsWith('Failed to load resource') && documents.has(where)) return;
    problems.push(`console error: ${message.text()} (${where})`);
  });
  page.on('requestfailed', (request) => {
    if (!isCancelled(request)) problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      problems.push(`${response.status()}: ${response.url()}`);
  });
  return () => problems;
}
