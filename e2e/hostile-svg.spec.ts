import { expect, test } from '@playwright/test';
import { namespaceFlood } from '../lib/openbadges/bake/hostile-images';

// The SVG that once blocked every request for 44 s: the production server must answer it with a
// message, and answer everyone else promptly while it does.
test('a crafted SVG at /verify gets a clear answer while other requests are served', async ({
  page,
  request,
}) => {
  await page.goto('/verify');
  await page.getByLabel('A baked badge image (PNG or SVG)').setInputFiles({
    name: 'badge.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from(namespaceFlood()),
  });
  const started = Date.now();
  await page.getByRole('button', { name: 'Verify' }).click();
  const latencies: number[] = [];
  while (latencies.length < 10 && Date.now() - started < 3_000) {
    const sent = Date.now();
    const response = await request.get('/robots.txt');
    expect(response.ok()).toBe(true);
    latencies.push(Date.now() - sent);
  }
  await expect(page.getByText('No badge could be read from the file')).toBeVisible({ timeout: 2_000 });
  await expect(page.getByText(/This image is too complex to read/)).toBeVisible();
  expect(Date.now() - started).toBeLessThan(3_000);
  expect(Math.max(...latencies)).toBeLessThan(200);
});
