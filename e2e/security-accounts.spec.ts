import { type Browser, expect, type Page, test } from '@playwright/test';
import { E2E } from './support/env';
import {
  awardBadge,
  linkIn,
  PASSWORD,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  waitForEmail,
} from './support/helpers';

// Two ways to reach the same server: two different socket addresses, i.e. two clients.
const port = new URL(E2E.main.url).port;
const viaIPv4 = `http://127.0.0.1:${port}`;
const viaIPv6 = `http://[::1]:${port}`;

async function signedInUser(browser: Browser) {
  const email = uniqueEmail('secure');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { email });
  return { email, context, page };
}

async function expectSignedOut(page: Page) {
  await page.goto('/wallet');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fwallet$/);
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a sign-in return address never leaves the site and never breaks the page', async ({ browser }) => {
  const { page } = await signedInUser(browser);
  const targets = [
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%0d/evil.example',
    '/%C3%BC%E2%80%A8x',
    '//evil.example',
    'https://evil.example/',
    '/%5Cevil.example',
  ];
  for (const target of targets) {
    const response = await page.goto(`/sign-in?callbackUrl=${target}`);
    expect(response?.status(), target).toBe(200);
    expect(page.url(), target).toBe(`${E2E.main.url}/wallet`);
  }
  // Signed out, the form's own target is checked again by the action.
  await signOut(page);
  await expect(page).toHaveURL(`${E2E.main.url}/`);
  await page.goto('/sign-in?callbackUrl=/%09/evil.example');
  await expect(page.locator('input[name="callbackUrl"]')).toHaveValue('/wallet');
});

test('a spoofed X-Forwarded-For neither dodges the sign-in delay nor locks the owner out', async ({
  browser,
}) => {
  const { email, context } = await signedInUser(browser);
  await context.close();
  const attacker = await (await browser.newContext({ baseURL: viaIPv4 })).newPage();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await attacker.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${attempt}` });
    await submitSignIn(attacker, email, `wrong-password-${attempt}`);
    await expect(attacker.getByText('That email and password do not match an account.')).toBeVisible();
  }
  await attacker.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.99' });
  await submitSignIn(attacker, email, PASSWORD);
  await expect(attacker.getByText('Too many failed sign-in attempts. Try again in 1 minute.')).toBeVisible();

  const owner = await (await browser.newContext({ baseURL: viaIPv6 })).newPage();
  await signIn(owner, email);
});

test('signing up with a registered address answers as usual and emails the owner instead', async ({
  browser,
  request,
}) => {
  const { email, page } = await signedInUser(browser);
  await signOut(page);
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Name').fill('Someone Else');
  await page.getByLabel('Password').fill('another-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(`We sent a link to ${email}`)).toBeVisible();
  const mail = await waitForEmail(request, email, /You already have a Laurel account/);
  expect(mail.text).toContain('/forgot-password');
});

test('a squatter cannot sign in with an unconfirmed address; the owner claiming a badge takes it', async ({
  browser,
  request,
}) => {
  const email = uniqueEmail('squatted');
  const squatter = await (await browser.newContext()).newPage();
  await squatter.goto('/sign-up');
  await squatter.getByLabel('Email').fill(email);
  await squatter.getByLabel('Name').fill('Squatter');
  await squatter.getByLabel('Password').fill('squatter-password');
  await squatter.getByRole('button', { name: 'Create account' }).click();
  await expect(squatter.getByText(`We sent a link to ${email}`)).toBeVisible();
  await submitSignIn(squatter, email, 'squatter-password');
  await expect(squatter.getByText(/Confirm your email first/)).toBeVisible();
  await squatter.getByRole('link', { name: 'Send me a new confirmation link' }).click();
  await expect(squatter.getByRole('heading', { name: 'Get a new confirmation link' })).toBeVisible();
  await squatter.getByLabel('Email').fill(email);
  await squatter.getByRole('button', { name: 'Send a new link' }).click();
  await expect(squatter.getByText(/we have sent it a new link/)).toBeVisible();

  await awardBadge(request, { email });
  const owner = await (await browser.newContext()).newPage();
  await owner.goto(linkIn(await waitForEmail(request, email, /You've earned/), '/claim/'));
  await owner.locator('#sign-up-password').fill(PASSWORD);
  await owner.getByRole('button', { name: 'Create account' }).click();
  await expect(owner.getByText(/Signed in as/)).toBeVisible();
  await owner.getByRole('button', { name: 'Accept badge' }).click();
  await expect(owner.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();

  await submitSignIn(squatter, email, 'squatter-password');
  await expect(squatter.getByText('That email and password do not match an account.')).toBeVisible();
});

test('signing out ends the session: a copied cookie no longer works', async ({ browser }) => {
  const { context, page } = await signedInUser(browser);
  const cookies = await context.cookies();
  await signOut(page);
  await expect(page).toHaveURL(`${E2E.main.url}/`);
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  await expectSignedOut(await thief.newPage());
});

test('"Sign out everywhere" in Settings ends every session of the account', async ({ browser }) => {
  const { email, page } = await signedInUser(browser);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, email);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectSignedOut(page);
  await expectSignedOut(other);
});

test('a password reset ends the sessions signed in before it', async ({ browser, request }) => {
  const { email, page } = await signedInUser(browser);
  const resetter = await (await browser.newContext()).newPage();
  await resetter.goto('/forgot-password');
  await resetter.getByLabel('Email').fill(email);
  await resetter.getByRole('button', { name: 'Send reset link' }).click();
  await expect(resetter.getByText(/we have sent it a link/)).toBeVisible();
  await resetter.goto(
    linkIn(await waitForEmail(request, email, /Reset your Laurel password/), '/reset-password/'),
  );
  await resetter.getByLabel('New password').fill('a-brand-new-password');
  await resetter.getByRole('button', { name: 'Set new password' }).click();
  await expect(resetter.getByText('Your password has been changed. Sign in with the new one.')).toBeVisible();
  await expectSignedOut(page);
});
