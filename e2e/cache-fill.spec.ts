import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { learnerWithBadge } from './support/learner';

// The server under test runs from this build output (playwright.config starts `next start`).
const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next');

function filesUnder(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
}

test('made-up badge ids, occupation codes and skill slugs write nothing into the page cache', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const page = await browser.newPage();
  const { awardId } = await learnerWithBadge(page, page.request);
  const anonymous = await playwright.request.newContext({ baseURL });

  const tokens: string[] = [];
  const before = filesUnder(distDir);
  for (let i = 0; i < 50; i++) {
    const id = randomUUID();
    const code = `${String(10 + (i % 89)).padStart(2, '0')}-${String(1000 + i * 7).slice(0, 4)}.9${i % 10}`;
    const slug = `no-such-skill-${id.slice(0, 8)}`;
    tokens.push(id, code, slug);
    for (const probe of [`/badges/${id}`, `/badges/${id}/embed`, `/occupations/${code}`, `/skills/${slug}`]) {
      const response = await anonymous.get(probe, { headers: { Accept: 'text/html' } });
      expect(response.status(), probe).toBe(404);
    }
  }
  const added = [...filesUnder(distDir)].filter((file) => !before.has(file));
  // Other journeys may run beside this one and cache their own known pages; none of ours may appear.
  expect(added.filter((file) => tokens.some((token) => file.includes(token)))).toEqual([]);

  // Known pages still come from the cache (rendered per request for a few seconds after a change).
  const known = () => anonymous.get(`/badges/${awardId}`, { headers: { Accept: 'text/html' } });
  await expect.poll(async () => (await known()).headers()['x-nextjs-cache'], { timeout: 15_000 }).toBe('HIT');
  const again = await known();
  expect(again.status()).toBe(200);
  expect(again.headers()['x-nextjs-cache']).toBe('HIT');
  // The unknown skill page keeps its own explanation.
  const skill = await anonymous.get(`/skills/${tokens[2]}`, { headers: { Accept: 'text/html' } });
  expect(await skill.text()).toContain('No data for this skill');
  await anonymous.dispose();
});
