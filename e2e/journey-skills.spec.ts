import { expect, type Locator, type Page, test } from '@playwright/test';
import { type Fixtures, fixtures } from './support/helpers';
import { expectGoodState, SCREENS } from './support/look';

/** The public Cloud Security Essentials badge (AWS, IAM, Cloud Security) prepare.ts accepted. */
const cloudAwardId = () => (fixtures() as Fixtures & { cloudAwardId: string }).cloudAwardId;

/** A zero count of listings, however it is worded. */
const ZERO_LISTINGS = /(^|\D)0 open listings?/;

/**
 * Every chart's text is at least 12 px as rendered, lies inside its chart, and each occupation
 * label shows its whole name (the same words as the table beside it, nothing cut or elided).
 */
async function expectReadableCharts(page: Page, table: Locator) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    for (const chart of document.querySelectorAll('[data-chart]')) {
      const box = chart.getBoundingClientRect();
      const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (!text || !parent) continue;
        const declared = Number.parseFloat(getComputedStyle(parent).fontSize);
        // SVG text is drawn scaled with its drawing: measure it as shown.
        const matrix = parent instanceof SVGGraphicsElement ? parent.getScreenCTM() : null;
        const size = matrix ? declared * Math.hypot(matrix.a, matrix.b) : declared;
        if (size < 12) found.push(`"${text}" is ${size.toFixed(1)} px`);
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (
          r.left < box.left - 1 ||
          r.right > box.right + 1 ||
          r.top < box.top - 1 ||
          r.bottom > box.bottom + 1
        ) {
          found.push(`"${text}" reaches outside its chart`);
        }
        if (parent.scrollWidth > parent.clientWidth + 1 && getComputedStyle(parent).overflowX !== 'visible') {
          found.push(`"${text}" is clipped`);
        }
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
  const labels = await page.locator('[data-chart-label]').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  const rows = await table.locator('tbody th').allTextContents();
  expect(labels).toEqual(rows.slice(0, labels.length).map((r) => r.replace(/ · in demand$/, '')));
}

/** Tables scroll in their own focusable, named region if they must, and fit the screen here. */
async function expectScrollableTables(page: Page) {
  for (const table of await page.getByRole('table').all()) {
    const region = table.locator('xpath=..');
    await expect(region).toHaveAttribute('tabindex', '0');
    await expect(region).toHaveAttribute('aria-label', /\S/);
    expect(await region.evaluate((el) => el.tagName)).toBe('SECTION');
    // The demo's tables fit even a phone: nothing is cut off behind the scroll.
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth, 'the table is wider than its box').toBeLessThanOrEqual(clientWidth);
  }
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport });

    test('a visitor follows a badge tag to a skill with data, then an occupation, then a listing', async ({
      page,
    }, testInfo) => {
      await page.goto(`/badges/${cloudAwardId()}`);
      const related = page.getByRole('region', { name: 'Related jobs' });
      const jobs = related.getByRole('listitem');
      await expect(jobs).toHaveCount(5);
      await expect(jobs.first()).toContainText('Information Security Analysts');
      await expect(jobs.first()).toContainText('Matches AWS, IAM, Cloud Security');
      await expect(related).not.toContainText('No labor-market data');
      await expect(related).not.toContainText(ZERO_LISTINGS);
      // Each occupation says where its listings are: ours, similar occupations', or a public search.
      for (const job of await jobs.all()) {
        await expect(job.getByRole('link', { name: /open listings?|CareerOneStop/ }).first()).toBeVisible();
      }
      await expectGoodState(page, testInfo, 'badge with related jobs');

      // "Cloud Security" is not one technology: its page says what it was matched to.
      await related.getByRole('link', { name: 'Cloud Security', exact: true }).click();
      await expect(page).toHaveURL(/\/skills\/cloud-security$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud security');
      await expect(page.getByText('Cloud Security Engineer').first()).toBeVisible();
      const table = page.getByRole('table', { name: /Pay in the U.S., May 2025/ });
      await expect(table.getByRole('row', { name: /Information Security Analysts/ })).toBeVisible();
      await expectReadableCharts(page, table);
      await expectScrollableTables(page);
      await expect(page.locator('main')).not.toContainText(ZERO_LISTINGS);
      const listings = page
        .getByRole('region', { name: 'Hiring now' })
        .getByRole('list', { name: 'Open listings' });
      const apply = listings.getByRole('link', { name: /Apply at .* for Information Security Analyst/ });
      await expect(apply).toHaveAttribute('href', /^https:\/\/careers\./);
      await expect(apply).toHaveAttribute('rel', 'noopener noreferrer nofollow');
      await expect(apply).not.toHaveAttribute('target', /./);
      await expectGoodState(page, testInfo, 'topic skill page');

      await table.getByRole('link', { name: 'Information Security Analysts' }).click();
      await expect(page).toHaveURL(/\/occupations\/15-1212\.00$/);
      const openJobs = page.getByRole('region', { name: 'Open jobs' });
      await expect(openJobs.getByRole('heading', { name: 'Information Security Analyst' })).toBeVisible();
      await expect(openJobs.getByRole('link', { name: /^CareerOneStop/ })).toHaveAttribute(
        'href',
        /careeronestop\.org\/.*keyword=Information%20Security%20Analysts/,
      );
      await expectGoodState(page, testInfo, 'occupation with its listing');

      // The listing leads to the employer's posting, as an ordinary link.
      const posting = openJobs.getByRole('link', { name: /Apply at/ });
      const href = await posting.getAttribute('href');
      await page.route(href ?? '', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Posting</title><h1>The posting</h1>' }),
      );
      await posting.click();
      await expect(page).toHaveURL(href ?? '');
      await expect(page.getByRole('heading', { name: 'The posting' })).toBeVisible();
    });

    test('a technology skill names itself, labels its category, and its pay chart reads on any screen', async ({
      page,
    }, testInfo) => {
      await page.goto('/skills/aws');
      await expect(page).toHaveURL(/\/skills\/amazon-web-services-aws-software$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('AWS — Amazon Web Services');
      const facts = page.locator('dl').first();
      await expect(facts).toContainText('Name in O*NETAmazon Web Services AWS software');
      await expect(facts).toContainText('CategoryData base user interface and query software');
      const table = page.getByRole('table', { name: /Pay in the U.S., May 2025/ });
      await expect(
        table.getByRole('row', { name: /Computer and Information Systems Managers/ }),
      ).toBeVisible();
      await expectReadableCharts(page, table);
      await expectScrollableTables(page);
      await expect(page.locator('main')).not.toContainText(ZERO_LISTINGS);
      await expectGoodState(page, testInfo, 'technology skill page');

      // An occupation with no listing of its own shows similar occupations' and where to search.
      await page.goto('/occupations/15-1243.00');
      const openJobs = page.getByRole('region', { name: 'Open jobs' });
      await expect(openJobs).toContainText('No open listings for Database Architects right now.');
      await expect(openJobs).toContainText('Open listings in similar occupations:');
      await expect(
        openJobs.getByRole('list', { name: 'Open listings' }).getByRole('listitem'),
      ).not.toHaveCount(0);
      await expect(openJobs.getByRole('link', { name: /^USAJOBS/ })).toHaveAttribute(
        'href',
        'https://www.usajobs.gov/Search/Results?k=Database%20Architects',
      );
      await expect(page.locator('main')).not.toContainText(ZERO_LISTINGS);
      await expectGoodState(page, testInfo, 'occupation without listings of its own');
    });
  });
}
