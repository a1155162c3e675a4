import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** The two screens every journey is walked on: a laptop and a phone. */
export const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** WCAG 2.1 A and AA checks (labels, contrast, landmarks, names) on what the page shows now. */
export async function expectAccessible(page: Page): Promise<void> {
  // Next streams metadata: right after a client-side update the <title> can arrive a moment after
  // the content. Wait for it (a page that never gets one still fails here), then run axe.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing makes the page scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

/**
 * One state of a journey, looked at as a person would: accessible, no sideways scrolling, and a
 * full-page screenshot attached to the report as evidence (named by state and viewport width).
 */
export async function expectGoodState(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  const width = page.viewportSize()?.width ?? 0;
  await testInfo.attach(`${state} @${width}px`, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
}

/**
 * The same state on both screens, then back to the laptop: expectGoodState on each, plus a close
 * screenshot of `part` when the page is long.
 */
export async function expectGoodOnBothScreens(
  page: Page,
  testInfo: TestInfo,
  state: string,
  part?: Locator,
): Promise<void> {
  for (const screen of SCREENS) {
    await page.setViewportSize(screen.viewport);
    await expectGoodState(page, testInfo, state);
    if (part) {
      await testInfo.attach(`${state} (part) @${screen.viewport.width}px`, {
        body: await part.screenshot(),
        contentType: 'image/png',
      });
    }
  }
  await page.setViewportSize(SCREENS[0].viewport);
}
