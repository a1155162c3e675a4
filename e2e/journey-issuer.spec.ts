import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { awardBadge, fixtures, uniqueEmail, waitForEmail } from './support/helpers';
import { expectGoodState, SCREENS } from './support/look';

/**
 * The issuer's journey through the console, on a laptop and on a phone: tabs that say where you
 * are, a list for finding awards, irreversible actions that ask first, errors that take focus and
 * speak plainly, keys copied once, and a CSV whose good rows are awarded and bad rows handed back.
 * It works in an issuer of its own (fixtures().quiet), so what other specs do cannot show up here.
 */

async function signIn(page: Page) {
  const { quiet, members } = fixtures();
  await page.goto('/sign-in?callbackUrl=/issuer');
  await page.getByLabel('Email').fill(quiet.admin);
  await page.getByLabel('Password').fill(members.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Issuer console · admin')).toBeVisible();
}

const tabs = (page: Page) => page.getByRole('navigation', { name: 'Issuer console' });

async function openTab(page: Page, name: string) {
  await tabs(page).getByRole('link', { name, exact: true }).click();
  await expectCurrentTab(page, name);
}

/** Exactly one tab is current: marked for screen readers and underlined in the brand colour. */
async function expectCurrentTab(page: Page, name: string) {
  const current = tabs(page).getByRole('link', { name, exact: true });
  await expect(current).toHaveAttribute('aria-current', 'page');
  await expect(current).toHaveCSS('border-bottom-color', 'rgb(22, 101, 52)');
  await expect(tabs(page).locator('[aria-current="page"]')).toHaveCount(1);
}

/** The element that has focus: after a failed submit, the error summary. */
const focused = (page: Page) => page.locator(':focus');

const csvOf = (rows: string[][]) => Buffer.from(['email,name', ...rows.map((r) => r.join(','))].join('\n'));

test('the claim email is from "‹Issuer› via Laurel", with replies going to the issuer', async ({
  request,
}) => {
  const { quiet } = fixtures();
  const email = uniqueEmail('from-line');
  await awardBadge(request, { email, issuer: quiet });
  const mail = await waitForEmail(request, email, /You've earned/);
  expect(mail.from).toBe('"Quiet Workshop via Laurel" <badges@laurel.example>');
  expect(mail.replyTo).toBe(`badges@${quiet.slug}.example`);
});

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport });

    test('an issuer finds, revokes and archives with confirmation, copies a key once and awards the good rows of a CSV', async ({
      page,
      context,
      request,
    }, testInfo) => {
      test.setTimeout(180_000);
      const { quiet } = fixtures();
      const stamp = `${screen.name}-${Date.now().toString(36)}`;
      const isPhone = screen.name === 'phone';
      await signIn(page);

      await test.step('the console marks the current tab', async () => {
        await expect(page).toHaveURL(new RegExp(`/issuer/${quiet.slug}$`));
        await expectCurrentTab(page, 'Templates');
        await expectGoodState(page, testInfo, 'console: templates tab');
      });

      const longEmail = `a.very.long.address.for.a.narrow.phone-${stamp}@a-rather-long-learner-domain.example`;
      await test.step('the awards list is for finding awards: no revoke on rows, nothing sideways', async () => {
        await awardBadge(request, { email: longEmail, name: 'Rowan Revocable', issuer: quiet });
        await openTab(page, 'Awards');
        await page.getByLabel('Email contains').fill(stamp);
        await page.getByRole('button', { name: 'Filter' }).click();
        const item = page.getByTestId(isPhone ? 'award-card' : 'award-row').filter({ hasText: longEmail });
        await expect(item).toBeVisible();
        await expect(page.getByTestId(isPhone ? 'award-row' : 'award-card').first()).toBeHidden();
        // Status and date are separate pieces, not "pending6 December".
        await expect(item.getByText('Pending', { exact: true })).toBeVisible();
        await expect(item.locator('time')).toHaveText(/^\d{1,2} \w+ \d{4}$/);
        await expect(page.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
        await expect(page.getByLabel('Reason')).toHaveCount(0);
        await expectGoodState(page, testInfo, 'awards list');
        await item.getByRole('link', { name: 'Rowan Revocable' }).click();
        await expect(page.getByRole('heading', { name: /for Rowan Revocable/ })).toBeVisible();
        await expectCurrentTab(page, 'Awards');
      });

      await test.step('revoking asks first, explains a missing reason, then shows the revoked award', async () => {
        await page.getByRole('button', { name: 'Revoke badge' }).click();
        const dialog = page.getByRole('dialog', { name: 'Revoke this badge?' });
        await expect(dialog).toBeVisible();
        await expect(dialog).toContainText('This cannot be undone.');
        await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
        await expectGoodState(page, testInfo, 'revoke: asks first');
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(dialog).toBeHidden();
        await expect(page.getByText('The learner has not accepted or declined it yet.')).toBeVisible();

        await page.getByRole('button', { name: 'Revoke badge' }).click();
        await dialog.getByRole('button', { name: 'Revoke badge' }).click();
        await expect(focused(page)).toContainText('Check the answers marked below.');
        await expect(
          focused(page).getByRole('link', { name: 'Reason: Give a reason for revoking the badge.' }),
        ).toHaveAttribute('href', '#revoke-reason');
        await expect(dialog.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
        await expect(page.getByText(/highlighted|problem\(s\)/)).toHaveCount(0);
        await expectGoodState(page, testInfo, 'revoke: reason missing');

        await dialog.getByLabel('Reason').fill('Awarded to the wrong cohort');
        await dialog.getByRole('button', { name: 'Revoke badge' }).click();
        await expect(dialog).toBeHidden();
        await expect(focused(page)).toContainText('Revoked. Its page, hosted record and every verification');
        await expect(page.getByText('It no longer verifies, and its page says so.')).toBeVisible();
        await expect(page.getByText(/Reason: Awarded to the wrong cohort/)).toBeVisible();
        await expect(page.getByRole('button', { name: 'Revoke badge' })).toHaveCount(0);
        await expectGoodState(page, testInfo, 'award revoked');
      });

      await test.step('the award form says what is missing, in words, and takes focus', async () => {
        await openTab(page, 'Award a badge');
        await expect(page.getByText('* required')).toBeVisible();
        await page.getByRole('button', { name: 'Award badge' }).click();
        await expect(focused(page)).toContainText('Check the answers marked below.');
        await expect(focused(page)).toContainText(
          'Recipient email: Enter an email address like name@example.com.',
        );
        await expect(focused(page)).toContainText('Recipient name: Enter the recipient’s name.');
        await expectGoodState(page, testInfo, 'award form: answers missing');
      });

      const templateName = `Archivable ${stamp}`;
      await test.step('a template is made, and archiving it asks first', async () => {
        await openTab(page, 'Templates');
        await page.getByRole('link', { name: 'New template' }).click();
        await expectCurrentTab(page, 'Templates');
        await page.getByRole('button', { name: 'Create template' }).click();
        await expect(focused(page)).toContainText('Name: Fill this in.');
        await expect(focused(page)).toContainText('Image: Choose a PNG or SVG image.');
        await expect(focused(page)).not.toContainText('needs a narrative');
        await page.getByRole('textbox', { name: 'Name', exact: true }).fill(templateName);
        await page.getByLabel('Description').fill('Made to be archived.');
        await page.getByLabel('Criteria', { exact: true }).fill('Exist briefly.');
        await page.getByLabel('Skills').fill('Archiving');
        const square = await sharp({
          create: { width: 300, height: 300, channels: 3, background: '#14532d' },
        })
          .png()
          .toBuffer();
        await page
          .getByLabel('Image')
          .setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: square });
        await page.getByRole('button', { name: 'Create template' }).click();
        await expect(page.getByRole('heading', { name: templateName })).toBeVisible();

        await page.getByRole('button', { name: `Archive ${templateName}` }).click();
        const dialog = page.getByRole('dialog', { name: `Archive “${templateName}”?` });
        await expect(dialog).toContainText('Badges already awarded from it stay valid.');
        await expectGoodState(page, testInfo, 'archive: asks first');
        await dialog.getByRole('button', { name: 'Archive template' }).click();
        await expect(page.getByText(`“${templateName}” is archived`)).toBeVisible();
        await expect(page.getByRole('heading', { name: templateName })).toHaveCount(0);
        await expectGoodState(page, testInfo, 'template archived');
      });

      await test.step('a new API key can be copied, is never shown again, and revoking it asks first', async () => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await openTab(page, 'API keys');
        await page.getByRole('button', { name: 'Create API key' }).click();
        await expect(focused(page)).toContainText('Key name: Give the key a name.');
        const keyName = `Build server ${stamp}`;
        await page.getByLabel('Key name').fill(keyName);
        await page.getByRole('button', { name: 'Create API key' }).click();
        const key = (await page.getByTestId('new-api-key').textContent()) ?? '';
        expect(key).toMatch(/^lrl_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
        await page.getByRole('button', { name: 'Copy key' }).click();
        await expect(page.getByText('Copied.')).toBeVisible();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
        await expectGoodState(page, testInfo, 'api key: created, shown once');

        // Revoked while it is still on screen: it goes at once.
        const row = page.getByRole('row', { name: new RegExp(keyName) });
        await row.getByRole('button', { name: `Revoke ${keyName}` }).click();
        const dialog = page.getByRole('dialog', { name: `Revoke the key “${keyName}”?` });
        await expect(dialog).toContainText('This cannot be undone');
        await expectGoodState(page, testInfo, 'api key: revoke asks first');
        await dialog.getByRole('button', { name: 'Revoke key' }).click();
        await expect(row).toContainText('Revoked');
        await expect(focused(page)).toContainText('Revoked');
        await expect(page.getByTestId('new-api-key')).toHaveCount(0);
        // And no page shows it again.
        await page.reload();
        await expect(row).toContainText('Revoked');
        await expect(page.getByText(key)).toHaveCount(0);
      });

      await test.step('the webhook form states the https rule before submitting; no deliveries yet', async () => {
        await openTab(page, 'Webhooks');
        const url = page.getByLabel('Endpoint URL');
        await expect(url).toHaveAccessibleDescription(/Must start with https:\/\//);
        await expect(page.getByTestId('no-deliveries')).toContainText('No deliveries yet.');
        await expectGoodState(page, testInfo, 'webhooks: rule and empty deliveries');
        await url.fill('http://hooks.example/laurel');
        await page.getByRole('button', { name: 'Add endpoint' }).click();
        await expect(focused(page)).toContainText('Endpoint URL: The webhook URL must start with https://.');
        await expect(url).toHaveValue('http://hooks.example/laurel');
      });

      await test.step('a CSV with bad rows: award the good ones, download the rest, then see the awards', async () => {
        await openTab(page, 'Award from CSV');
        const good = [1, 2, 3].map((i) => [uniqueEmail(`csv-${stamp}-${i}`), `Cohort Learner ${i}`]);
        const missingName = uniqueEmail(`csv-${stamp}-noname`);
        const rows = [good[0], ['not-an-email', 'Bad Address'], good[1], [missingName, ''], good[2]];
        await page
          .getByLabel(/^CSV file/)
          .setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: csvOf(rows as string[][]) });
        await page.getByRole('button', { name: 'Check file' }).click();
        await expect(page.getByText('cohort.csv: 3 rows can be awarded. 2 rows have problems')).toBeVisible();
        const problems = page.getByRole('list', { name: 'Problems in the file' });
        await expect(problems.getByRole('listitem')).toHaveText([
          'Row 3, email: Enter an email address like name@example.com.',
          'Row 5, name: Enter the recipient’s name.',
        ]);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: /Download the 2 rows with problems/ }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('cohort-rows-to-fix.csv');
        expect(readFileSync(await download.path(), 'utf8')).toBe(
          'email,name,problem\r\n' +
            'not-an-email,Bad Address,email: Enter an email address like name@example.com.\r\n' +
            `${missingName},,name: Enter the recipient’s name.\r\n`,
        );
        await expectGoodState(page, testInfo, 'bulk: good rows and rows to fix');

        await page.getByRole('button', { name: 'Award the 3 valid rows' }).click();
        const bar = page.getByRole('progressbar', {
          name: /^(Awarding 3 badges|Finished awarding) from cohort\.csv$/,
        });
        await expect(bar).toBeVisible();
        await expect(page.getByTestId('bulk-status')).toContainText('Done: 100%', { timeout: 60_000 });
        await expect(bar).toHaveAccessibleName('Finished awarding from cohort.csv');
        await expect(bar).toHaveAttribute('aria-valuetext', '100%');
        await expect(page.getByText('100%', { exact: true })).toBeVisible();
        await expectGoodState(page, testInfo, 'bulk: finished');
        await page.getByRole('link', { name: 'See the 3 awards this file made' }).click();
        await expect(page.getByRole('heading', { name: 'Awards from cohort.csv' })).toBeVisible();
        const made = page.getByTestId(isPhone ? 'award-card' : 'award-row');
        await expect(made).toHaveCount(3);
        for (const [email] of good) await expect(made.filter({ hasText: email })).toHaveCount(1);
        await expectCurrentTab(page, 'Awards');
        await expectGoodState(page, testInfo, 'bulk: the awards it made');
      });
    });
  });
}
