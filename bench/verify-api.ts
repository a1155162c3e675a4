/**
 * POST /api/v1/verify throughput for an Open Badges 3.0 credential, against `next start` on
 * PostgreSQL at 32 connections, with a trivial route of the same server (GET /api/mode) as the
 * baseline in the same run. The credential is issued by the app's own path in the bench's database
 * (did:web issuer and status list on the server), so every verification fetches the issuer's DID
 * document over HTTP and reads the status list from the verifier's cache (fetched over HTTP at
 * most once a minute). Also reported: GET of that DID document (the request each verification
 * adds), and the same verification run in this process one at a time, fetching over HTTP and with
 * the documents kept in memory. Needs a production build
 * (`npm run build`, and the same NEXT_DIST_DIR here). See bench/README.md.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { FetchedResource, Fetcher } from '@/lib/net/types';
import { benchDatabase, percentile, report, round, runBench, startServer } from './support';

const PORT = 3810;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const APP_URL = `http://localhost:${PORT}`;
const CONNECTIONS = 32;

type Load = { requestsPerSecond: number; p50: number; p99: number; requests: number };

async function load(request: autocannon.Request, check?: (body: string) => boolean): Promise<Load> {
  let failed = 0;
  const requests = [
    {
      ...request,
      onResponse: (_status: number, body: string) => {
        if (check && !check(body)) failed++;
      },
    },
  ];
  await autocannon({ url: APP_URL, requests, connections: 8, duration: 2 }); // warm-up
  failed = 0;
  const r = await autocannon({ url: APP_URL, requests, connections: CONNECTIONS, duration: DURATION });
  const label = `${request.method ?? 'GET'} ${request.path}`;
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  if (failed > 0) throw new Error(`${label}: ${failed} answers were not a valid verification`);
  return {
    requestsPerSecond: round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
  };
}

async function main() {
  const database = await benchDatabase('verify_api');
  process.env.APP_URL = APP_URL;
  // The documented setting (lib/config/env-schema.ts): one client sends every request here.
  process.env.VERIFY_RATE_LIMIT_PER_10_MINUTES = '1000000';
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const { getDb, closeDb } = await import('@/db/client');
    const { seedDemo } = await import('@/db/seed/seed');
    const { credentialForAward } = await import('@/lib/openbadges/ob3/credentials');
    const { fetcherFor } = await import('@/lib/badges/verify-award');
    const { createStatusListCache } = await import('@/lib/openbadges/status/list-cache');
    const { verifyBadge } = await import('@/lib/openbadges/verify/verify');
    const { awards } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const db = await getDb();
    await seedDemo(db, { appUrl: APP_URL, claimTokenTtlDays: 30, isDemoMode: true });
    const [accepted] = await db.select().from(awards).where(eq(awards.state, 'accepted'));
    if (!accepted) throw new Error('seed made no accepted award');
    const stored = await credentialForAward(db, accepted.id);
    if (!stored?.json.credentialStatus) throw new Error('no OB 3.0 credential with a status entry');
    const body = JSON.stringify({ json: stored.json });

    server = await startServer(PORT);
    const isValid = (text: string) => text.includes('"verdict":"valid"');
    const first = await fetch(`${APP_URL}/api/v1/verify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    const firstReport = (await first.json()) as { verdict: string; checks: { id: string; status: string }[] };
    const revoked = firstReport.checks.find((c) => c.id === 'revoked');
    if (first.status !== 200 || firstReport.verdict !== 'valid' || revoked?.status !== 'pass')
      throw new Error(`the credential did not verify: ${first.status} ${JSON.stringify(firstReport)}`);

    const baseline = await load({ method: 'GET', path: '/api/mode' });
    // What each verification also asks the server for: the issuer's DID document (reported).
    const issuerId = (stored.json.issuer as { id?: string } | undefined)?.id ?? '';
    const didDocument = await load({ method: 'GET', path: `/issuers/${issuerId.split(':').pop()}/did.json` });
    const verify = await load(
      { method: 'POST', path: '/api/v1/verify', headers: { 'content-type': 'application/json' }, body },
      isValid,
    );

    // The same verification in this process, one at a time: fetching from the idle server, and
    // with the fetched documents kept in memory (the verification's own CPU time).
    const text = JSON.stringify(stored.json);
    const overHttp = fetcherFor(APP_URL);
    const kept = new Map<string, Promise<FetchedResource>>();
    const inMemory: Fetcher = (url, options) => {
      const found = kept.get(url) ?? overHttp(url, options);
      kept.set(url, found);
      return found;
    };
    const inProcess = async (fetch: Fetcher) => {
      const statusLists = createStatusListCache();
      const times: number[] = [];
      for (let i = 0; i < 230; i++) {
        const started = performance.now();
        const result = await verifyBadge({ kind: 'json', text }, { fetch, statusLists });
        if (result.verdict !== 'valid') throw new Error(`in-process verification: ${result.verdict}`);
        if (i >= 30) times.push(performance.now() - started);
      }
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      return { meanMs: round(mean, 2), p50Ms: round(percentile(times, 50), 2) };
    };
    const inProcessOverHttp = await inProcess(overHttp);
    const inProcessInMemory = await inProcess(inMemory);
    await closeDb();

    const result = {
      connections: CONNECTIONS,
      seconds: DURATION,
      baselineApiMode: baseline,
      verifyOb3: verify,
      issuerDidDocument: didDocument,
      ratioToBaseline: round(verify.requestsPerSecond / baseline.requestsPerSecond, 3),
      inProcessVerify: { overHttp: inProcessOverHttp, documentsInMemory: inProcessInMemory },
    };
    report(result, true, 'every answer 2xx with verdict valid (no req/s target)');
  } finally {
    await server?.stop();
    await database.drop();
  }
}

runBench(main);
