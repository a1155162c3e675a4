import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { E2E } from './env';

type IssuerFixture = { id: string; name: string; templateId: string; templateName: string; apiKey: string };
export type Fixtures = {
  labs: IssuerFixture;
  other: IssuerFixture;
  revokedKey: string;
  labsSlug: string;
  /** An issuer only the issuer journey uses, with its own admin (password: members.password). */
  quiet: IssuerFixture & { slug: string; admin: string };
  members: { admin: string; staff: string; password: string };
  /** An SVG image with a script in it, stored past the sanitiser (prepare.ts). */
  scriptedSvgImageId: string;
  /** Per screen, an issuer with a failed delivery of each event, email and upload (prepare.ts). */
  undelivered: Record<'desktop' | 'phone', UndeliveredFixture>;
};
export type UndeliveredFixture = {
  slug: string;
  admin: string;
  staff: string;
  awardId: string;
  recipient: string;
  fileName: string;
  createdDeliveryId: string;
  testDeliveryId: string;
};

export function fixtures(): Fixtures {
  return JSON.parse(readFileSync(E2E.fixturesFile, 'utf8')) as Fixtures;
}

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@learners.example`;
export const PASSWORD = 'a-long-enough-password';

export function bearer(key: string) {
  return { Authorization: `Bearer ${key}` };
}

/** Awards a badge through the issuer API, as an issuer system would. */
export async function awardBadge(
  request: APIRequestContext,
  input: { email: string; name?: string; issuer?: IssuerFixture },
) {
  const issuer = input.issuer ?? fixtures().labs;
  const response = await request.post('/api/v1/awards', {
    headers: bearer(issuer.apiKey),
    data: {
      templateId: issuer.templateId,
      recipient: { email: input.email, name: input.name ?? 'Sam Learner' },
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; state: string; publicUrl: string };
}

export type ReceivedEmail = {
  from: string;
  replyTo: string | null;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  idempotencyKey: string | null;
  headers: Record<string, string>;
};

/** Emails the fake Resend server received for an address. */
export async function emailsTo(request: APIRequestContext, to: string): Promise<ReceivedEmail[]> {
  const response = await request.get(`${E2E.resendUrl}/__emails?to=${encodeURIComponent(to)}`);
  return (await response.json()) as ReceivedEmail[];
}

/** Waits until the app has delivered an email matching `subject` to `to`, and returns it. */
export async function waitForEmail(
  request: APIRequestContext,
  to: string,
  subject: RegExp,
): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect
    .poll(
      async () => {
        found = (await emailsTo(request, to)).find((e) => subject.test(e.subject));
        return Boolean(found);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found as ReceivedEmail;
}

/** The first link to `path` in an email's text part. */
export function linkIn(email: { text?: string }, path: string): string {
  const match = email.text?.match(new RegExp(`https?://[^\\s)\\]]+${path}[^\\s)\\]]*`));
  if (!match) throw new Error(`no ${path} link in email: ${email.text}`);
  return match[0];
}

/** Signs up, confirms the address from the emailed link, and signs in: a new learner in the wallet. */
export async function signUp(page: Page, input: { email: string; name?: string }) {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(input.email);
  await page.getByLabel('Name').fill(input.name ?? 'Existing Learner');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(`We sent a link to ${input.email}`)).toBeVisible();
  await page.goto(
    linkIn(await waitForEmail(page.request, input.email, /Confirm your email/), '/verify-email/'),
  );
  await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();
  await signIn(page, input.email);
}

/** The header's links, shown: below 1024 px they are behind the Menu button, which this opens. */
export async function mainNav(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  return nav;
}

/** Signs out and waits until the site shows the signed-out header, so the next navigation cannot race it. */
export async function signOut(page: Page) {
  await (await mainNav(page)).getByRole('button', { name: 'Sign out' }).click();
  // Hidden included: on a phone the signed-out links sit in the menu, closed after the redirect.
  await expect(
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sign in', includeHidden: true }),
  ).toBeAttached();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your wallet' })).toBeVisible();
}
