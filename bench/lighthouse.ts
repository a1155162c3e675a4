/**
 * Lighthouse (mobile: simulated slow 4G and a 4× slower CPU) on the public badge page, served by
 * `next start` from the existing production build on a seeded PostgreSQL database, in Chromium.
 * Reports each category's score (median of the runs) and the JavaScript a first visit loads.
 * Needs a production build (`npm run build`). See bench/README.md.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { benchDatabase, percentile, report, runBench, startServer } from './support';

const PORT = 3410;
const APP_URL = `http://localhost:${PORT}`;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
type NetworkItem = { resourceType?: string; transferSize?: number; resourceSize?: number; url?: string };

/** Bytes of JavaScript the page loaded: over the wire (compressed) and once unpacked. */
function firstLoadJs(lhr: Lhr) {
  const details = lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined;
  const scripts = (details?.items ?? []).filter((item) => item.resourceType === 'Script');
  const sum = (key: 'transferSize' | 'resourceSize') =>
    scripts.reduce((total, s) => total + (s[key] ?? 0), 0);
  return {
    files: scripts.length,
    transferredKB: kb(sum('transferSize')),
    uncompressedKB: kb(sum('resourceSize')),
  };
}
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/** What kept a category below 100: the failing audits' titles. */
function shortfalls(lhr: Lhr) {
  return CATEGORIES.flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => {
        const audit = lhr.audits[ref.id];
        return `${id}: ${audit?.title} (${audit?.displayValue || `score ${audit?.score}`})`;
      }),
  );
}

async function main() {
  // As a production server: mail goes to a provider (none is sent here: the seed's mail is kept
  // as captured), so the page has no demo banner. LIGHTHOUSE_DEMO=1 measures the demo instead,
  // whose banner appears after the page asks /api/mode and moves the page down as it does.
  if (process.env.LIGHTHOUSE_DEMO !== '1') {
    process.env.RESEND_API_KEY ??= 're_bench_unused';
    process.env.RESEND_BASE_URL ??= 'http://127.0.0.1:9';
  }
  const database = await benchDatabase('lighthouse');
  process.env.APP_URL = APP_URL;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    const { getDb, closeDb } = await import('@/db/client');
    const { seedDemo } = await import('@/db/seed/seed');
    const { seedLaborMarket } = await import('@/db/seed/labor-market');
    const { seedJobs } = await import('@/db/seed/jobs');
    const { awards } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const db = await getDb();
    await seedDemo(db, { appUrl: APP_URL, claimTokenTtlDays: 30, isDemoMode: true });
    // The badge page shows related jobs from the labor-market data, as in the demo.
    await seedLaborMarket(db);
    await seedJobs(db);
    const [accepted] = await db.select().from(awards).where(eq(awards.state, 'accepted'));
    if (!accepted) throw new Error('seed made no accepted award');
    await closeDb();

    server = await startServer(PORT);
    const url = `${APP_URL}/badges/${accepted.id}`;
    // The first request renders the page into the cache; Lighthouse measures what visitors get.
    if (!(await fetch(url)).ok) throw new Error(`${url} did not answer 200`);

    const runs: Lhr[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh browser each run: Chromium remembers a missing favicon and would not ask again.
      chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
      });
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'html',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      chrome.kill();
      chrome = undefined;
      if (!result) throw new Error('Lighthouse returned nothing');
      runs.push(result.lhr);
      const file = path.join(os.tmpdir(), `laurel-lighthouse-${i + 1}.html`);
      await writeFile(file, String(result.report));
      console.log(
        `run ${i + 1}: ${CATEGORIES.map((c) => `${c} ${score(result.lhr, c)}`).join(', ')} (${file})`,
      );
    }

    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [
        c,
        percentile(
          runs.map((lhr) => score(lhr, c)),
          50,
        ),
      ]),
    ) as Record<(typeof CATEGORIES)[number], number>;
    const last = runs[runs.length - 1] as Lhr;
    const metric = (id: string) => last.audits[id]?.displayValue;
    const result = {
      url: url.replace(accepted.id, '<id>'),
      demoBanner: process.env.LIGHTHOUSE_DEMO === '1',
      runs: RUNS,
      medianScores: scores,
      lastRun: {
        firstContentfulPaint: metric('first-contentful-paint'),
        largestContentfulPaint: metric('largest-contentful-paint'),
        totalBlockingTime: metric('total-blocking-time'),
        cumulativeLayoutShift: metric('cumulative-layout-shift'),
        speedIndex: metric('speed-index'),
        firstLoadJs: firstLoadJs(last),
        shortOfFull: shortfalls(last),
        lighthouse: last.lighthouseVersion,
        browser: last.environment.hostUserAgent,
        cpuBenchmarkIndex: last.environment.benchmarkIndex,
        // The machine's load during the run: the performance score moves with it.
        loadAverage: os.loadavg().map((load) => Number(load.toFixed(1))),
      },
    };
    const meets = CATEGORIES.every((c) => scores[c] >= TARGET[c]);
    report(result, meets, 'performance ≥ 95; accessibility, best practices and SEO 100 (mobile)');
  } finally {
    await chrome?.kill();
    await server?.stop();
    await database.drop();
  }
}

const score = (lhr: Lhr, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

runBench(main);
