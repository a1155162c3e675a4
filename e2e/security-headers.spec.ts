import { expect, type Page, test } from '@playwright/test';
import { fixtures } from './support/helpers';
import { learnerWithBadge } from './support/learner';

const SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/** Records every CSP violation the page reports, from the first script of every document. */
async function watchViolations(page: Page) {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      seen.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (t: string) => void }).reportViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI} on ${location.pathname}`);
    });
  });
  return seen;
}

const directives = (policy = '') => policy.split(';').map((d) => d.trim());

/** Opens a page, checks it rendered and returns its CSP as Chromium received it. */
async function openPage(page: Page, path: string, heading: RegExp | string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  // Let hydration and any lazily loaded chunks run before the violations are read.
  await page.waitForLoadState('networkidle');
  return directives(response?.headers()['content-security-policy']);
}

test('an SVG with a script, opened directly from /images, gets the sandbox and runs nothing', async ({
  page,
}) => {
  const response = await page.goto(`/images/${fixtures().scriptedSvgImageId}`);
  expect(response?.headers()['content-security-policy']).toBe(SANDBOX);
  expect(response?.headers()['content-type']).toBe('image/svg+xml');
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-ran'))).toBeNull();
});

test('every kind of page works under its CSP, with no violations', async ({ page, browser, request }) => {
  const violations = await watchViolations(page);
  const { awardId } = await learnerWithBadge(page, request);

  const nonced = await openPage(page, '/wallet', 'Your wallet');
  expect(nonced.find((d) => d.startsWith('script-src'))).toMatch(
    /^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/,
  );
  for (const fixed of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    expect(nonced).toContain(fixed);
  }
  await openPage(page, '/', /./);
  await openPage(page, '/explore', 'Jobs and skills');
  // Suggestions need hydrated React and a fetch: both would be blocked by a wrong policy.
  const box = page.getByRole('combobox', { name: 'Search skills, occupations and job titles' });
  await box.pressSequentially('tablea', { delay: 30 });
  await expect(page.getByRole('option', { name: /^Tableau Skill/ })).toBeVisible();

  const cached = await openPage(page, `/badges/${awardId}`, /./);
  expect(cached).toContain("script-src 'self' 'unsafe-inline'");
  expect(cached).toContain("frame-ancestors 'none'");
  expect(cached).toContain("object-src 'none'");
  await openPage(page, '/verify', 'Verify an Open Badge');
  await openPage(page, '/skills/python', /Python/);
  const embed = await openPage(page, `/badges/${awardId}/embed`, /./);
  expect(embed).toContain('frame-ancestors *');

  // The SVG download's headers as Chromium receives them (a download emits no page response).
  const downloadPolicy = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return response.headers.get('content-security-policy');
  }, `/badges/${awardId}/download/svg`);
  expect(downloadPolicy).toBe(SANDBOX);

  const issuer = await browser.newPage();
  const issuerViolations = await watchViolations(issuer);
  await openPage(issuer, '/sign-in?callbackUrl=/issuer', 'Sign in to Laurel');
  await issuer.getByLabel('Email').fill(fixtures().members.admin);
  await issuer.getByLabel('Password').fill(fixtures().members.password);
  await issuer.getByRole('button', { name: 'Sign in' }).click();
  await expect(issuer.getByText(/^Issuer console · admin$/)).toBeVisible();
  await openPage(issuer, `/issuer/${fixtures().labsSlug}/awards`, /./);
  await issuer.close();

  expect([...violations, ...issuerViolations]).toEqual([]);
});
