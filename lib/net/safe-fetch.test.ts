import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSafeFetcher } from './safe-fetch';
import { FetchError } from './types';

const json = { accept: 'application/json', maxBytes: 1024 };
let server: Server;
let origin = '';
let port = 0;
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const redirect = (location: string) => response.writeHead(302, { Location: location }).end();
    if (path === '/assertion') {
      response
        .writeHead(200, { 'Content-Type': 'application/ld+json', 'Cache-Control': 'public, max-age=60' })
        .end('{"type":"Assertion"}');
    } else if (path === '/gone') response.writeHead(410).end('revoked');
    else if (path === '/r1') redirect('/r2');
    else if (path === '/r2') redirect(`${origin}/assertion`);
    else if (path === '/loop') redirect('/loop');
    else if (path === '/to-metadata') redirect('http://169.254.169.254/latest/meta-data/');
    else if (path === '/to-other-loopback') redirect(`http://127.0.0.2:${port}/assertion`);
    else if (path === '/slow') setTimeout(() => response.end('late'), 2000);
    else if (path === '/chunked') {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.write('x'.repeat(800));
      response.end('x'.repeat(800));
    } else if (path === '/declared-large') {
      response.writeHead(200, { 'Content-Length': '5000' }).end('x'.repeat(5000));
    } else if (path === '/gzip') {
      response.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync('{"ok":true}'));
    } else if (path === '/gzip-bomb') {
      response.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1_000_000)));
    } else response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
});

const local = createSafeFetcher({ allowHosts: ['127.0.0.1'] });
const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe('fetching from an allowed host', () => {
  it('returns the body, content type and Cache-Control (status lists are kept by it)', async () => {
    const resource = await local(`${origin}/assertion`, json);
    expect(resource).toMatchObject({
      status: 200,
      contentType: 'application/ld+json',
      cacheControl: 'public, max-age=60',
      redirected: false,
    });
    expect(text(resource.body)).toBe('{"type":"Assertion"}');
  });

  it('returns 404 and 410 as statuses, not errors, so revocation can be detected', async () => {
    expect((await local(`${origin}/missing`, json)).status).toBe(404);
    expect((await local(`${origin}/gone`, json)).status).toBe(410);
  });

  it('follows a redirect chain and reports where it ended', async () => {
    const resource = await local(`${origin}/r1`, json);
    expect(resource).toMatchObject({
      url: `${origin}/r1`,
      finalUrl: `${origin}/assertion`,
      redirected: true,
    });
    expect(requests).toEqual(['/r1', '/r2', '/assertion']);
  });

  it('decompresses gzip bodies', async () => {
    expect(text((await local(`${origin}/gzip`, json)).body)).toBe('{"ok":true}');
  });
});

describe('refusing what the verifier must not fetch', () => {
  it.each([
    ['/to-metadata', '169.254.169.254'],
    ['/to-other-loopback', '127.0.0.2'],
  ])('refuses a redirect from %s to the private address %s', async (path, address) => {
    const attempt = local(`${origin}${path}`, json);
    await expect(attempt).rejects.toThrow(FetchError);
    await expect(attempt).rejects.toThrow(`the address ${address} is a private or local network address`);
    await expect(attempt).rejects.toMatchObject({ unreachable: false });
    expect(requests).toEqual([path]);
  });

  it('stops after too many redirects', async () => {
    const fetcher = createSafeFetcher({ allowHosts: ['127.0.0.1'], maxRedirects: 2 });
    await expect(fetcher(`${origin}/loop`, json)).rejects.toThrow('redirected more than 2 times');
    expect(requests).toHaveLength(3);
  });

  it('gives up on a slow server', async () => {
    const fetcher = createSafeFetcher({ allowHosts: ['127.0.0.1'], timeoutMs: 300 });
    const attempt = fetcher(`${origin}/slow`, json);
    await expect(attempt).rejects.toThrow(`${origin}/slow did not answer within 0.3 seconds`);
    await expect(attempt).rejects.toMatchObject({ unreachable: true });
  });

  it('says a host that refuses connections or has no address could not be reached', async () => {
    const fetcher = createSafeFetcher({ allowHosts: ['127.0.0.1'] });
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    for (const url of [`http://127.0.0.1:${closed}/`, 'http://no-such-host.invalid/']) {
      const attempt = fetcher(url, json);
      await expect(attempt, url).rejects.toThrow(/could not be reached/);
      await expect(attempt, url).rejects.toMatchObject({ unreachable: true });
    }
  });

  it.each([
    ['/chunked', 'a streamed body'],
    ['/declared-large', 'a declared Content-Length'],
    ['/gzip-bomb', 'a body that only grows once decompressed'],
  ])('refuses %s (%s) over the size limit', async (path) => {
    await expect(local(`${origin}${path}`, json)).rejects.toThrow(
      `${origin}${path} could not be fetched: the response is larger than 1 KB`,
    );
  });

  it('refuses private and local addresses in any spelling before connecting', async () => {
    const fetcher = createSafeFetcher();
    const urls = [
      `${origin}/assertion`,
      `http://localhost:${port}/`,
      `http://[::1]:${port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      `http://2130706433:${port}/`,
      `http://0x7f000001:${port}/`,
      `http://0x7f.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      'http://0.0.0.0/',
    ];
    for (const url of urls) {
      await expect(fetcher(url, json), url).rejects.toThrow(/is a private or local network address/);
    }
    expect(requests).toEqual([]);
  });

  it.each(['ftp://example.org/badge.json', 'file:///etc/passwd', 'javascript:alert(1)', 'data:,{}'])(
    'refuses the non-http URL %s',
    async (url) => {
      await expect(createSafeFetcher()(url, json)).rejects.toThrow(`${url} is not an http(s) URL`);
    },
  );

  it('refuses URLs carrying credentials', async () => {
    await expect(local(`http://user:pass@127.0.0.1:${port}/assertion`, json)).rejects.toThrow(
      'user name or password',
    );
    expect(requests).toEqual([]);
  });

  it('explains a host name that does not resolve', async () => {
    const fetcher = createSafeFetcher({ timeoutMs: 20_000 });
    await expect(fetcher('https://badges.example.invalid/a.json', json)).rejects.toThrow(
      'https://badges.example.invalid/a.json could not be reached (DNS lookup failed)',
    );
  });
});
