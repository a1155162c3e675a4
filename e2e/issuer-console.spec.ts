import { createHmac } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { E2E } from './support/env';
import { emailsTo, fixtures, uniqueEmail } from './support/helpers';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in?callbackUrl=/issuer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(fixtures().members.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/^Issuer console · (admin|staff)$/)).toBeVisible();
}

function csv(rows: string[][]) {
  return Buffer.from(['email,name', ...rows.map((r) => r.join(','))].join('\n'));
}

// Revoking, archiving, copying keys and the CSV's rows to fix, on both screens: journey-issuer.spec.ts.
test('an issuer admin awards one badge, and awards the 50 good rows of a CSV with two bad ones, with progress to 100%', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const { labs, members } = fixtures();
  await signIn(page, members.admin);

  // A new template with an image; a wrong-shaped image is explained and loses nothing.
  const templateName = `Console Badge ${Date.now().toString(36)}`;
  await page.getByRole('link', { name: 'New template' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(templateName);
  await page.getByLabel('Description').fill('Made in the console.');
  await page.getByLabel('Criteria', { exact: true }).fill('Finish the console lab.');
  await page.getByLabel('Skills').fill('Linux, Networking');
  const wide = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#14532d' } })
    .png()
    .toBuffer();
  await page.getByLabel('Image').setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: wide });
  await expect(page.getByRole('heading', { name: 'Preview of the public badge page' })).toBeVisible();
  await expect(page.getByText(templateName).last()).toBeVisible();
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByText('The image must be square; this one is 600×300.').first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(templateName);
  const square = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#14532d' } })
    .png()
    .toBuffer();
  await page.getByLabel('Image').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: square });
  await page.getByRole('button', { name: 'Create template' }).click();
  await expect(page.getByRole('heading', { name: templateName })).toBeVisible();
  // Edit it: the change shows at once.
  await page.getByRole('link', { name: `Edit ${templateName}` }).click();
  await expect(page.getByLabel('Description')).toHaveValue('Made in the console.');
  await page.getByLabel('Description').fill('Made and edited in the console.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Made and edited in the console.')).toBeVisible();

  await page.getByRole('link', { name: 'Award a badge' }).click();
  await page.getByRole('combobox', { name: 'Badge' }).selectOption({ label: templateName });
  const single = uniqueEmail('console-one');
  await page.getByLabel('Recipient email').fill(single);
  await page.getByLabel('Recipient name').fill('Una Single');
  await page.getByRole('button', { name: 'Award badge' }).click();
  await expect(page.getByText(`Awarded. ${single} has been sent a claim email.`)).toBeVisible();
  await expect.poll(async () => (await emailsTo(request, single)).length).toBe(1);

  await page.getByRole('link', { name: 'Award from CSV' }).click();
  const stamp = Date.now().toString(36);
  const good = Array.from({ length: 50 }, (_, i) => [
    `bulk-${stamp}-${i}@learners.example`,
    `Bulk Learner ${i}`,
  ]);
  const broken = [...good.slice(0, 10), ['not-an-email', 'Bad Address'], ['', 'No Email'], ...good.slice(10)];
  await page
    .getByLabel(/^CSV file/)
    .setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: csv(broken) });
  await page.getByRole('button', { name: 'Check file' }).click();
  const problems = page.getByRole('list', { name: 'Problems in the file' });
  await expect(problems.getByRole('listitem')).toHaveCount(2);
  await expect(problems).toContainText('Row 12');
  await expect(problems).toContainText('Row 13');
  expect((await emailsTo(request, good[0]?.[0] ?? '')).length).toBe(0);
  await page.getByRole('button', { name: 'Award the 50 valid rows' }).click();
  await expect(page.getByTestId('bulk-status')).toContainText('Done: 100%', { timeout: 60_000 });
  await expect(page.getByTestId('bulk-status')).toContainText('50 of 50 processed');
  for (const email of [good[0]?.[0], good[49]?.[0]]) {
    await expect.poll(async () => (await emailsTo(request, email ?? '')).length, { timeout: 20_000 }).toBe(1);
  }
  // The learner side sees the email; the API reports the awards.
  const listed = await request.get('/api/v1/templates', {
    headers: { Authorization: `Bearer ${labs.apiKey}` },
  });
  expect(listed.status()).toBe(200);
});

test('admins manage API keys (shown once); staff cannot reach key management', async ({ browser }) => {
  const { members, labsSlug } = fixtures();
  const admin = await browser.newPage();
  await signIn(admin, members.admin);
  await admin.getByRole('link', { name: 'API keys' }).click();
  await admin.getByLabel('Key name').fill('Build server');
  await admin.getByRole('button', { name: 'Create API key' }).click();
  const key = (await admin.getByTestId('new-api-key').textContent()) ?? '';
  expect(key).toMatch(/^lrl_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
  expect(
    (await admin.request.get('/api/v1/templates', { headers: { Authorization: `Bearer ${key}` } })).status(),
  ).toBe(200);
  await admin.reload();
  await expect(admin.getByText(key)).toHaveCount(0);
  await admin
    .getByRole('row', { name: /Build server/ })
    .getByRole('button', { name: /Revoke/ })
    .click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(admin.getByRole('row', { name: /Build server/ })).toContainText('Revoked');
  expect(
    (await admin.request.get('/api/v1/templates', { headers: { Authorization: `Bearer ${key}` } })).status(),
  ).toBe(401);

  const staff = await browser.newPage();
  await signIn(staff, members.staff);
  await expect(staff.getByRole('link', { name: 'API keys' })).toHaveCount(0);
  expect((await staff.goto(`/issuer/${labsSlug}/keys`))?.status()).toBe(403);
  expect((await staff.goto(`/issuer/${fixtures().other.id}`))?.status()).toBe(404);
});

test('an admin adds a webhook endpoint, sends a test event and sees it delivered, signed', async ({
  page,
  request,
}) => {
  const { members } = fixtures();
  await signIn(page, members.admin);
  await page.getByRole('link', { name: 'Webhooks' }).click();
  const receiver = `${E2E.remoteUrl}/webhook?run=${Date.now()}`;
  await page.getByLabel('Endpoint URL').fill(receiver);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_/);
  await page
    .getByRole('listitem')
    .filter({ hasText: receiver })
    .getByRole('button', { name: 'Send test event' })
    .click();
  await expect(page.getByText('Test event queued.')).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId('delivery-row').filter({ hasText: 'test' }).first().textContent();
      },
      { timeout: 20_000 },
    )
    .toContain('succeeded');
  const received = (await (await request.get(`${E2E.remoteUrl}/__webhooks`)).json()) as {
    headers: Record<string, string>;
    body: string;
  }[];
  const mine = received.filter((r) => JSON.parse(r.body).type === 'test').at(-1);
  expect(mine).toBeDefined();
  const header = mine?.headers['laurel-signature'] ?? '';
  const [, t, v1] = /t=(\d+),v1=([0-9a-f]+)/.exec(header) ?? [];
  expect(createHmac('sha256', secret).update(`${t}.${mine?.body}`).digest('hex')).toBe(v1);
});
