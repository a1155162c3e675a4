import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import extractChunks from 'png-chunks-extract';
import { HIDEABLE_IMAGE_CACHE_CONTROL, HIDEABLE_PAGE_CACHE_CONTROL } from '@/lib/http/cache-headers';
import { awardBadge, bearer, fixtures, linkIn, uniqueEmail, waitForEmail } from './support/helpers';
import { acceptedBadge, declineFromClaim } from './support/learner';
import { expectNoSidewaysScroll } from './support/look';

test('a visitor verifies a public badge in one click; after revocation every surface says revoked', async ({
  page,
  request,
}) => {
  const { labs } = fixtures();
  const award = await acceptedBadge(page, request);

  await page.goto(`/badges/${award.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pat Public earned ${labs.templateName}`);
  await expect(page.getByTestId('badge-status')).toHaveText('Valid — this badge is current.');
  await expect(page.getByRole('link', { name: labs.name })).toHaveAttribute('href', /\/issuers\//);

  await page.getByRole('link', { name: 'Verify this badge' }).click();
  await expect(page.getByText('Verified: every check passed.')).toBeVisible();
  // The signed 3.0 credential, fetched from its public address: its proof, the key's owner (the
  // issuer's did:web), its status list, dates and recipient; the 2.0 hosted copy in one more line.
  for (const id of ['fetched', 'proof', 'issuer-key', 'recipient', 'revoked', 'expiry', 'ob2-hosted']) {
    await expect(page.locator(`[data-check="${id}"]`)).toHaveAttribute('data-status', 'pass');
  }
  await expect(page.locator('[data-check="fetched"]')).toContainText(`/ob/v3/credentials/${award.id}`);
  await expect(page.locator('[data-check="proof"]')).toContainText('The signature holds');
  await expect(page.locator('[data-check="revoked"]')).toContainText("according to the issuer's status list");
  await expect(page.locator('[data-check="recipient"]')).toContainText(
    "Awarded to the issuer's record for Pat Public",
  );
  await expect(page.locator('[data-check="ob2-hosted"]')).toContainText(`/ob/v2/assertions/${award.id}`);
  await expect(page.locator('[data-status="fail"]')).toHaveCount(0);
  // The key's long DID wraps: on a phone the report never makes the page scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  const revoke = await request.post(`/api/v1/awards/${award.id}/revoke`, {
    headers: bearer(labs.apiKey),
    data: { reason: 'Awarded by mistake' },
  });
  expect(revoke.status()).toBe(200);
  expect((await revoke.json()).revocationReason).toBe('Awarded by mistake');

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/badges/${award.id}/verify`));
  await expect(page.getByTestId('badge-status')).toContainText('Revoked on');
  await expect(page.getByTestId('badge-status')).toContainText('Reason: Awarded by mistake');
  await expect(page.getByText('Not verified: at least one check failed.')).toBeVisible();
  // The status list says revoked at once; the 2.0 hosted copy (410 Gone) gives the reason.
  await expect(page.locator('[data-check="revoked"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('[data-check="revoked"]')).toContainText('Revoked by the issuer');
  await expect(page.locator('[data-check="ob2-hosted"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('[data-check="ob2-hosted"]')).toContainText('Awarded by mistake');

  // The cached public page was refreshed by the revocation.
  await page.goto(`/badges/${award.id}`);
  await expect(page.getByTestId('badge-status')).toContainText('Reason: Awarded by mistake');
  const hosted = await request.get(`/ob/v2/assertions/${award.id}`);
  expect(hosted.status()).toBe(410);
  expect(await hosted.json()).toMatchObject({ revoked: true, revocationReason: 'Awarded by mistake' });
  const json = await request.get(`/badges/${award.id}/verification`);
  expect((await json.json()).verdict).toBe('invalid');
});

test('the badge page URL serves the hosted assertion to JSON clients and HTML to browsers', async ({
  page,
  request,
}) => {
  const award = await acceptedBadge(page, request);
  const ld = await request.get(`/badges/${award.id}`, { headers: { Accept: 'application/ld+json' } });
  expect(ld.headers()['content-type']).toContain('application/ld+json');
  const doc = await ld.json();
  expect(doc).toMatchObject({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    verification: { type: 'HostedBadge' },
  });
  expect(doc.recipient).toMatchObject({ type: 'email', hashed: true });
  expect(doc.recipient.identity).toMatch(/^sha256\$[0-9a-f]{64}$/);
  expect(JSON.stringify(doc)).not.toContain('@learners.example');
  const plain = await request.get(`/badges/${award.id}`, { headers: { Accept: 'application/json' } });
  expect(plain.headers()['content-type']).toContain('application/json');
  const html = await request.get(`/badges/${award.id}`, {
    headers: { Accept: 'text/html,application/xhtml+xml' },
  });
  expect(html.headers()['content-type']).toContain('text/html');
  // A CDN may keep the page, its embed card and preview one second (a badge made private must go
  // from everywhere within that); the JSON keeps its own header.
  expect(html.headers()['cache-control']).toBe(HIDEABLE_PAGE_CACHE_CONTROL);
  expect(ld.headers()['cache-control']).toBe('no-cache');
  const embed = await request.get(`/badges/${award.id}/embed`);
  expect(embed.headers()['cache-control']).toBe(HIDEABLE_PAGE_CACHE_CONTROL);
  const preview = await request.get(`/badges/${award.id}/preview.png`);
  expect(preview.headers()['cache-control']).toBe(HIDEABLE_IMAGE_CACHE_CONTROL);

  const badge = await (await request.get(doc.badge)).json();
  expect(badge).toMatchObject({ type: 'BadgeClass', name: fixtures().labs.templateName });
  const issuer = await (await request.get(badge.issuer)).json();
  expect(issuer).toMatchObject({ type: 'Issuer', name: 'E2E Labs' });
});

test('a downloaded baked PNG verifies at /verify, and bad input gets clear messages', async ({
  page,
  request,
}) => {
  const award = await acceptedBadge(page, request);
  await page.goto(`/badges/${award.id}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('list', { name: 'Open Badges 2.0 hosted badge' })
      .getByRole('link', { name: 'Baked PNG image' })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe('e2e-labs-practitioner-e2e-labs.png');
  const file = await download.path();
  // Read back with an independent PNG parser: one openbadges iTXt chunk, equal to the hosted assertion.
  const texts = extractChunks(readFileSync(file))
    .filter((c) => c.name === 'iTXt' && Buffer.from(c.data).toString('latin1').startsWith('openbadges\0'))
    .map((c) =>
      Buffer.from(c.data)
        .toString('utf8')
        .replace(/^openbadges\0\0\0\0\0/, ''),
    );
  expect(texts).toHaveLength(1);
  const hosted = await (await request.get(`/ob/v2/assertions/${award.id}`)).json();
  expect(JSON.parse(texts[0] ?? '')).toEqual(hosted);

  await page.goto('/verify');
  await page.getByLabel('A baked badge image (PNG or SVG)').setInputFiles(file);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Verified: every check passed.')).toBeVisible();
  await expect(page.locator('[data-check="baked-match"]')).toHaveAttribute('data-status', 'pass');

  await page.goto('/verify');
  await page
    .getByLabel('A baked badge image (PNG or SVG)')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText(/not a PNG or SVG image/)).toBeVisible();

  await page.goto('/verify');
  await page.getByLabel('or its Open Badges JSON').fill('{"this is": not json');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Not verified: at least one check failed.')).toBeVisible();
  await expect(page.getByText(/JSON/).first()).toBeVisible();
});

test('pending and declined awards have no public page, hosted JSON or download', async ({
  page,
  request,
}) => {
  const pendingEmail = uniqueEmail('pending');
  const pending = await awardBadge(request, { email: pendingEmail });
  const declinedEmail = uniqueEmail('declined');
  const declined = await awardBadge(request, { email: declinedEmail });
  await page.goto(linkIn(await waitForEmail(request, declinedEmail, /You've earned/), '/claim/'));
  await declineFromClaim(page);

  for (const id of [pending.id, declined.id]) {
    expect((await page.goto(`/badges/${id}`))?.status()).toBe(404);
    for (const path of [
      `/ob/v2/assertions/${id}`,
      `/badges/${id}/download/png`,
      `/badges/${id}/verification`,
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  }
});

test('the issuer page shows the issuer and its badges', async ({ page }) => {
  const { labs } = fixtures();
  await page.goto('/verify');
  const issuerDoc = await (await page.request.get(`/ob/v2/issuers/${labs.id}`)).json();
  expect(issuerDoc.name).toBe(labs.name);
  const slug = new URL(issuerDoc.url).hostname.split('.')[0];
  await page.goto(`/issuers/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: labs.name })).toBeVisible();
  await expect(page.getByRole('heading', { name: labs.templateName })).toBeVisible();
  expect((await page.goto('/issuers/no-such-issuer'))?.status()).toBe(404);
});
