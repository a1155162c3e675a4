import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, request as http, test } from '@playwright/test';
import sharp from 'sharp';
import { E2E } from './support/env';
import { awardBadge, fixtures, uniqueEmail } from './support/helpers';
import { acceptedBadge } from './support/learner';
import { expectAccessible } from './support/look';

/** The content of a `<meta property|name="key">` tag, read the way a link-preview crawler does. */
function metaContent(html: string, key: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const attrs = Object.fromEntries(
      [...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v?.replaceAll('&amp;', '&')]),
    );
    if (attrs.property === key || attrs.name === key) return attrs.content;
  }
  return undefined;
}

/**
 * A fresh HTTP client, like a crawler's. After the UI part of a test the \`request\` fixture may
 * reuse a keep-alive socket the server has just closed (idle > 5 s), which fails with ECONNRESET.
 */
async function freshClient() {
  return http.newContext({ baseURL: E2E.main.url });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('a crawler reading the badge page without JavaScript gets a 1200×630 PNG preview', async ({
  page,
  request,
}) => {
  const { labs } = fixtures();
  const award = await acceptedBadge(page, request, 'Olive Graph');
  const pageUrl = `${E2E.main.url}/badges/${award.id}`;
  const crawler = await freshClient();

  const response = await crawler.get(pageUrl);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(metaContent(html, 'og:title')).toBe(`${labs.templateName} — Olive Graph`);
  expect(metaContent(html, 'og:url')).toBe(pageUrl);
  expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
  expect(html).toContain(`<link rel="canonical" href="${pageUrl}"/>`);
  const ogImage = metaContent(html, 'og:image');
  expect(ogImage).toMatch(/^http:\/\/localhost:\d+\/badges\/[0-9a-f-]+\/preview\.png$/);
  expect(metaContent(html, 'twitter:image')).toBe(ogImage);
  expect(metaContent(html, 'og:image:width')).toBe('1200');
  expect(metaContent(html, 'og:image:height')).toBe('630');

  const image = await crawler.get(ogImage ?? '');
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  const bytes = await image.body();
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const { width, height, format } = await sharp(bytes).metadata();
  expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' });
  await crawler.dispose();
});

test('awards that are not public have no preview image and no embed', async ({ request }) => {
  const pending = await awardBadge(request, { email: uniqueEmail('pending-preview') });
  for (const id of [pending.id, randomUUID(), 'not-a-uuid']) {
    for (const path of [`/badges/${id}/preview.png`, `/badges/${id}/embed`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['content-type'] ?? '', path).not.toContain('image/png');
    }
  }
});

test('another site can frame the embed card, and only the embed card', async ({ page, request }) => {
  const { labs } = fixtures();
  const award = await acceptedBadge(page, request, 'Frida Frame');
  const embedUrl = `${E2E.main.url}/badges/${award.id}/embed`;

  // A stranger's page on another origin (another host and port) with our card in an iframe.
  const otherSite: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      `<!doctype html><title>Frida's portfolio</title><h1>Portfolio</h1>` +
        `<iframe title="Badge" src="${embedUrl}" width="360" height="180"></iframe>` +
        `<iframe title="Page" src="${E2E.main.url}/badges/${award.id}" width="360" height="180"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(otherSite.address() as AddressInfo).port}/`);
    const card = page.frameLocator('iframe[title="Badge"]');
    await expect(card.getByRole('heading', { level: 1, name: labs.templateName })).toBeVisible();
    await expect(card.getByText(`Issued by ${labs.name}`)).toBeVisible();
    await expect(card.getByText('Earned by Frida Frame')).toBeVisible();
    await expect(card.getByText(/^Awarded \d{1,2} \w+ \d{4}$/)).toBeVisible();
    await expect(card.getByTestId('embed-status')).toHaveText('Valid');
    await expect(card.getByRole('img', { name: `${labs.templateName} badge` })).toBeVisible();
    const verify = card.getByRole('link', { name: 'Verify on Laurel' });
    await expect(verify).toHaveAttribute('href', `${E2E.main.url}/badges/${award.id}`);
    await expect(verify).toHaveAttribute('target', '_blank');
    await expect(verify).toHaveAttribute('rel', 'noopener');
    // The full badge page refuses to be framed: the browser shows an error page instead.
    await expect(page.frameLocator('iframe[title="Page"]').getByRole('heading', { level: 1 })).toHaveCount(0);
  } finally {
    await new Promise((resolve) => otherSite.close(resolve));
  }

  await page.setViewportSize({ width: 360, height: 180 });
  await page.goto(embedUrl);
  await expectAccessible(page);
});

test('only the embed route may be framed', async ({ page, request }) => {
  const award = await acceptedBadge(page, request, 'Hedda Header');
  const client = await freshClient();
  const embed = await client.get(`/badges/${award.id}/embed`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(embed.headers()['x-content-type-options']).toBe('nosniff');

  for (const path of [
    '/',
    '/wallet',
    '/help',
    `/badges/${award.id}`,
    `/badges/${award.id}/verify`,
    `/badges/${award.id}/preview.png`,
    `/badges/${award.id}/embedded`,
  ]) {
    const response = await client.get(path, { maxRedirects: 0 });
    expect(response.headers()['x-frame-options'], path).toBe('DENY');
    expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
  await client.dispose();
});
