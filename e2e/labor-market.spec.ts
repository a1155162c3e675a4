import { expect, type Page, test } from '@playwright/test';
import { E2E } from './support/env';
import {
  awardBadge,
  type Fixtures,
  fixtures,
  linkIn,
  PASSWORD,
  uniqueEmail,
  waitForEmail,
} from './support/helpers';

type DataSchool = Fixtures['labs'];

/** Awards the Data School badge (Python, SQL, Tableau, Cloud Security) and accepts it into a new account. */
async function claimDataBadge(page: Page, request: Parameters<typeof awardBadge>[0]) {
  const { data } = fixtures() as Fixtures & { data: DataSchool };
  const email = uniqueEmail('jobs');
  const award = await awardBadge(request, { email, name: 'Jo Jobs', issuer: data });
  await page.goto(linkIn(await waitForEmail(request, email, /You've earned/), '/claim/'));
  await page.locator('#sign-up-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Accept badge' }).click();
  await expect(page.getByText('Badge accepted. It is now in your wallet.')).toBeVisible();
  return award;
}

test('from a claimed badge: related jobs, a skill with its pay chart and table, remote listings, an occupation', async ({
  page,
  request,
}) => {
  const award = await claimDataBadge(page, request);

  const related = page.getByRole('region', { name: 'Related jobs' });
  await expect(related.getByRole('listitem')).toHaveCount(5);
  await expect(related.getByRole('listitem').first()).toContainText(
    /Median pay \$[\d,]+ a year · \$[\d,]+–\$[\d,]+/,
  );
  await expect(related.getByRole('listitem').first()).toContainText('Matches Python, SQL, Tableau');
  // Every tag resolves, "Cloud Security" through job titles such as Cloud Security Engineer.
  await expect(related).not.toContainText('No labor-market data');
  await expect(related).toContainText('information from the O*NET 29.3 Database');
  // The e2e server has the demo release the seed ships, and says so.
  await expect(related).toContainText(
    'Demo data: a few dozen occupations. Run npm run cli -- labor-market fetch for the full O*NET and BLS release.',
  );
  await expect(related).toContainText('(OEWS), May 2025 national estimates');

  await related.getByRole('link', { name: 'Tableau', exact: true }).click();
  await expect(page).toHaveURL(/\/skills\/tableau$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau');
  await expect(page.getByText('Hot technology', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /Chart of yearly pay for 12 occupations/ })).toBeVisible();
  const table = page.getByRole('table', { name: /Pay in the U.S., May 2025/ });
  await expect(table.getByRole('row', { name: /Business Intelligence Analysts/ })).toContainText(
    '$67,240$120,230$199,130',
  );
  await expect(page.getByRole('table', { name: 'Median yearly pay over the years' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Job titles you might qualify for' }).getByRole('link'),
  ).not.toHaveCount(0);

  const hiring = page.getByRole('region', { name: 'Hiring now' });
  const listings = hiring.getByRole('list', { name: 'Open listings' });
  await expect(listings.getByRole('heading', { name: 'Data Analyst (Remote, US)' })).toBeVisible();
  await expect(listings.getByRole('heading', { name: 'Reporting Analyst' })).toBeVisible();
  await expect(hiring.getByText('Woodgrove Example Bank (1 opening)')).toBeVisible();

  await hiring.getByLabel('Remote only').check();
  await hiring.getByRole('button', { name: 'Filter listings' }).click();
  await expect(page).toHaveURL(/remote=1/);
  await expect(listings.getByRole('heading', { name: 'Reporting Analyst' })).toHaveCount(0);
  const remote = listings.getByRole('listitem').filter({ hasText: 'Data Analyst (Remote, US)' });
  await expect(remote).toContainText('Northwind Example Ltd · Remote (US)');
  await expect(remote).toContainText('$38.50 per hour');
  const apply = remote.getByRole('link', { name: /Apply at Northwind Example Ltd/ });
  await expect(apply).toHaveAttribute('href', 'https://careers.northwind.example.org/jobs/DA-77');
  await expect(apply).not.toHaveAttribute('target', /./);
  await expect(hiring.getByLabel('Remote only')).toBeChecked();

  await hiring.getByLabel('Remote only').uncheck();
  await hiring.getByLabel('Location').fill('chicago');
  await hiring.getByRole('button', { name: 'Filter listings' }).click();
  await expect(listings.getByRole('heading', { name: 'Reporting Analyst' })).toBeVisible();
  await expect(listings.getByRole('heading', { name: 'Data Analyst (Remote, US)' })).toHaveCount(0);

  await table.getByRole('link', { name: 'Business Intelligence Analysts' }).click();
  await expect(page).toHaveURL(/\/occupations\/15-2051\.01$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Business Intelligence Analysts');
  await expect(page.getByRole('region', { name: 'Preparation' })).toContainText(
    'Considerable preparation needed',
  );
  await expect(page.getByRole('region', { name: 'Pay', exact: true })).toContainText('$120,230 a year');
  await expect(page.getByRole('region', { name: 'Pay', exact: true })).toContainText(
    'Data Scientists (15-2051)',
  );
  await expect(
    page.getByRole('region', { name: 'Technologies used' }).getByRole('link', { name: /^Tableau Hot/ }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Related occupations' }).getByRole('link')).not.toHaveCount(
    0,
  );
  await expect(page.getByRole('region', { name: 'Open jobs' })).toContainText('Reporting Analyst');
  await expect(page.getByText(/O\*NET® is a trademark of USDOL\/ETA/)).toBeVisible();
  await expect(page.getByText('Demo data: a few dozen occupations.')).toBeVisible();

  // The public badge page has the same panel, and its skill tags lead to their skill pages.
  await page.goto(`/badges/${award.id}`);
  await expect(page.getByRole('region', { name: 'Related jobs' }).getByRole('listitem')).toHaveCount(5);
  await page.getByRole('list', { name: 'Skills' }).getByRole('link', { name: 'SQL' }).click();
  await expect(page).toHaveURL(/\/skills\/structured-query-language-sql$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SQL — Structured query language');
});

test('search suggests as you type and is used by keyboard alone', async ({ page }) => {
  await page.goto('/explore');
  const box = page.getByRole('combobox', { name: 'Search skills, occupations and job titles' });
  await expect(page.getByText('Demo data: a few dozen occupations.')).toBeVisible();
  await box.focus();
  await box.pressSequentially('tablea', { delay: 30 });
  const listbox = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(listbox.getByRole('option', { name: /^Tableau Skill · hot technology/ })).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(box).not.toHaveAttribute('aria-activedescendant');

  await box.press('ArrowDown');
  const first = listbox.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? 'missing');
  await box.press('ArrowUp');
  await expect(listbox.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');

  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(listbox).toBeHidden();
  await expect(box).toHaveValue('tablea');

  await box.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/skills\/tableau$/);

  // Enter with nothing chosen searches: every kind of match, job titles with each occupation.
  await page.goto('/explore');
  await box.pressSequentially('registered nurse', { delay: 20 });
  await expect(listbox.getByRole('option').first()).toBeVisible();
  await box.press('Enter');
  await expect(page).toHaveURL(/\/explore\?q=registered\+nurse/);
  await expect(page.getByRole('heading', { name: 'Results for “registered nurse”' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Registered Nurses', exact: true })).toHaveAttribute(
    'href',
    '/occupations/29-1141.00',
  );
});

test('short codes and skill aliases redirect; unknown ones and bad input get clear answers', async ({
  page,
  request,
}) => {
  await page.goto('/occupations/15-1252');
  await expect(page).toHaveURL(/\/occupations\/15-1252\.00$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Software Developers');
  await page.goto('/skills/aws');
  await expect(page).toHaveURL(/\/skills\/amazon-web-services-aws-software$/);

  for (const path of [
    '/skills/blorptastic-frobnication',
    '/skills/%E2%80%94',
    '/occupations/99-9999.99',
    '/occupations/nurse',
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await page.goto('/skills/blorptastic-frobnication');
  await expect(page.getByRole('heading', { name: 'No data for this skill' })).toBeVisible();
  // A misspelt technology finds it.
  await page.goto('/skills/kubernets');
  await expect(page).toHaveURL(/\/skills\/kubernetes$/);

  const long = await page.goto(`/skills/tableau?location=${'x'.repeat(200)}&remote=maybe`);
  expect(long?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'location' })).toHaveText(
    'A location is at most 80 characters, so every location is shown.',
  );

  const tooLong = await request.get(`/api/search?q=${'x'.repeat(101)}`);
  expect(tooLong.status()).toBe(400);
  expect(tooLong.headers()['content-type']).toContain('application/problem+json');
  const found = await (await request.get('/api/search?q=postgres')).json();
  expect(found.suggestions[0]).toMatchObject({
    kind: 'skill',
    label: 'PostgreSQL',
    href: '/skills/postgresql',
  });
  expect((await (await request.get('/api/search?q=')).json()).suggestions).toEqual([]);
});

test('without imported data the pages say so and how to import it', async ({ page }) => {
  // An occupation the main server never shows: both servers share one build, and so its page cache.
  for (const path of ['/explore', '/skills/python', '/occupations/53-3032.00']) {
    await page.goto(`${E2E.demo.url}${path}`);
    await expect(page.getByText('No labor-market data has been imported.')).toBeVisible();
    await expect(page.getByText('npm run cli -- labor-market import <dir>')).toBeVisible();
  }
});

test('markup from a jobs feed never runs: the nurse posting’s script is not on the page', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  // The demo feed's ICU nurse posting carries <script>alert('strip me')</script> in its description.
  await page.goto('/occupations/29-1141.00');
  const openJobs = page.getByRole('region', { name: /open jobs/i });
  await expect(openJobs).toContainText('Registered Nurse - ICU');
  await expect(openJobs.getByRole('link', { name: /Registered Nurse - ICU/ })).toHaveAttribute(
    'href',
    /^https:\/\//,
  );
  const html = await page.content();
  expect(html).not.toContain('strip me');
  expect(html).not.toMatch(/<script>alert/);
  expect(dialogs).toEqual([]);
});
