import { expect, type Page, test } from '@playwright/test';
import { bearer, emailsTo, fixtures, PASSWORD, uniqueEmail, waitForEmail } from './support/helpers';
import { acceptFromClaim, awardWithClaimLink } from './support/learner';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in?callbackUrl=/issuer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(fixtures().members.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/^Issuer console · (admin|staff)$/)).toBeVisible();
}

/** The award page's history, reloaded until `step` shows (delivery happens in the background). */
async function expectStep(page: Page, step: string | RegExp, count = 1) {
  const steps = () =>
    page.getByRole('list', { name: 'History' }).getByRole('listitem').filter({ hasText: step });
  await expect(async () => {
    await page.reload();
    await expect(steps()).toHaveCount(count, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test('an issuer admin follows an award’s history and revokes it, telling the learner by email', async ({
  page,
  browser,
  request,
}) => {
  const { labs, members } = fixtures();
  const email = uniqueEmail('history');
  const { award, claimUrl } = await awardWithClaimLink(request, email);

  // The admin finds the award in the list and opens it.
  await signIn(page, members.admin);
  await page.getByRole('link', { name: 'Awards', exact: true }).click();
  await page.getByLabel('Email contains').fill(email);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page
    .getByTestId('award-row')
    .filter({ hasText: email })
    .getByRole('link', { name: 'Sam Learner' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/awards/${award.id}$`));
  await expect(page.getByRole('heading', { name: `${labs.templateName} for Sam Learner` })).toBeVisible();
  await expect(page.getByText(/^Pending/)).toBeVisible();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('Awarded');
  await expectStep(page, /Email sent.*You've earned the/);

  // The learner opens the link (three times: before and after signing up, then to accept) and accepts.
  const learner = await browser.newPage();
  await learner.goto(claimUrl);
  await learner.locator('#sign-up-password').fill(PASSWORD);
  await learner.getByRole('button', { name: 'Create account' }).click();
  await expect(learner.getByText(/Signed in as/)).toBeVisible();
  await acceptFromClaim(learner, claimUrl);

  await expectStep(page, /Accepted.*Via the claim link/);
  await expectStep(page, 'Claim link opened', 1);
  await expect(history.getByRole('listitem')).toHaveText([
    /^Awarded/,
    /^Email sent/,
    /^Claim link opened/,
    /^Accepted/,
  ]);
  await expect(page.getByRole('link', { name: 'Public badge page' })).toHaveAttribute(
    'href',
    `/badges/${award.id}`,
  );

  // Revoke (it asks first) with "Tell the learner by email", ticked from the keyboard.
  await page.getByRole('button', { name: 'Revoke badge' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke this badge?' });
  await dialog.getByLabel('Reason').fill('Awarded to the wrong cohort');
  const tell = dialog.getByRole('checkbox', { name: 'Tell the learner by email' });
  await tell.focus();
  await page.keyboard.press('Space');
  await expect(tell).toBeChecked();
  await dialog.getByRole('button', { name: 'Revoke badge' }).click();
  await expect(page.getByText(`${email} is being told by email.`)).toBeVisible();
  await expect(history.getByRole('listitem').filter({ hasText: /^Revoked/ })).toContainText(
    'Awarded to the wrong cohort',
  );
  await expect(history.getByRole('listitem').filter({ hasText: 'Revocation email queued' })).toContainText(
    `To ${email}`,
  );

  const notice = await waitForEmail(request, email, /has been revoked/);
  expect(notice.subject).toBe(`Your ${labs.templateName} badge from ${labs.name} has been revoked`);
  expect(notice.text).toContain('Awarded to the wrong cohort');
  await expectStep(page, /Email sent.*has been revoked/);
});

test('revoking through the API tells the learner only when asked', async ({ request, page }) => {
  const { labs } = fixtures();
  const revoke = (awardId: string, data: Record<string, unknown>) =>
    request.post(`/api/v1/awards/${awardId}/revoke`, { headers: bearer(labs.apiKey), data });

  const told = uniqueEmail('api-told');
  const first = await awardWithClaimLink(request, told);
  expect((await revoke(first.award.id, { reason: 'Retake needed', notifyRecipient: 'yes' })).status()).toBe(
    400,
  );
  expect((await revoke(first.award.id, { reason: 'Retake needed', notifyRecipient: true })).status()).toBe(
    200,
  );
  const notice = await waitForEmail(request, told, /has been revoked/);
  expect(notice.text).toContain('Retake needed');
  expect(notice.text).toContain('the claim link you were sent no longer works');
  await page.goto(first.claimUrl);
  await expect(page.getByRole('heading', { name: 'This badge has been revoked' })).toBeVisible();

  const quiet = uniqueEmail('api-quiet');
  const second = await awardWithClaimLink(request, quiet);
  expect((await revoke(second.award.id, { reason: 'Retake needed' })).status()).toBe(200);
  // Give the outbox time to send anything it had; only the claim email ever arrives.
  await page.waitForTimeout(3_000);
  expect((await emailsTo(request, quiet)).map((e) => e.subject)).toEqual([
    `You've earned the ${labs.templateName} badge from ${labs.name}`,
  ]);
});
