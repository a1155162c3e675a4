import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createSafeFetcher } from '@/lib/net/safe-fetch';
import { readFeedSource } from './feed-source';
import { importJobFeed } from './import-feed';
import { sampleFeedPath, taggedSample } from './sample-feed.conformance-support';
import { deleteTaggedPostings, SAMPLE_NOW, storedPostings, uniqueTag } from './test-support';

const tag = uniqueTag();
const feed = JSON.stringify(taggedSample(tag));
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/jobs.json')
      response.writeHead(200, { 'Content-Type': 'application/ld+json' }).end(feed);
    else if (request.url === '/big.json') response.writeHead(200).end('x'.repeat(4096));
    else response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await deleteTaggedPostings(await getDb(), tag);
});

const local = createSafeFetcher({ allowHosts: ['127.0.0.1'] });

describe('reading a feed from a URL', () => {
  it('imports a feed served over HTTP', async () => {
    const db = await getDb();
    const text = await readFeedSource(`${origin}/jobs.json`, { fetcher: local });
    const summary = await importJobFeed(db, {
      text,
      source: `${origin}/jobs.json`,
      now: SAMPLE_NOW,
      releaseId: null,
    });

    expect(summary).toMatchObject({ created: 5, expired: 1, duplicates: 1 });
    expect((await storedPostings(db, tag)).get('DA-77')?.source).toBe(`${origin}/jobs.json`);
  });

  it('refuses a private address unless OUTBOUND_ALLOW_HOSTS lists it', async () => {
    vi.stubEnv('OUTBOUND_ALLOW_HOSTS', '');
    try {
      await expect(readFeedSource(`${origin}/jobs.json`)).rejects.toThrow(
        `${origin}/jobs.json could not be fetched: the address 127.0.0.1 is a private or local network address`,
      );
      await expect(readFeedSource('http://169.254.169.254/latest/meta-data/')).rejects.toThrow(
        'is a private or local network address',
      );
      vi.stubEnv('OUTBOUND_ALLOW_HOSTS', '127.0.0.1');
      expect(await readFeedSource(`${origin}/jobs.json`)).toBe(feed);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('explains an HTTP error and a feed over the size limit', async () => {
    await expect(readFeedSource(`${origin}/missing.json`, { fetcher: local })).rejects.toThrow(
      `${origin}/missing.json answered with HTTP 404.`,
    );
    await expect(readFeedSource(`${origin}/big.json`, { fetcher: local, maxBytes: 1024 })).rejects.toThrow(
      'the response is larger than 1 KB',
    );
  });
});

describe('reading a feed from a file', () => {
  it('reads a local file and explains a missing one', async () => {
    expect(await readFeedSource(sampleFeedPath())).toBe(readFileSync(sampleFeedPath(), 'utf8'));
    await expect(readFeedSource('/no/such/feed.json')).rejects.toThrow('No such file: /no/such/feed.json');
    await expect(readFeedSource('ftp://example.org/feed.json')).rejects.toThrow(
      'only http(s) URLs and local files',
    );
  });
});
