import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FetchError, type Fetcher, unreachableError } from '@/lib/net/types';
import { publicFixture } from '@/test/conformance/public-fixtures';

/** The 1EdTech OB 2.0 conformance fixtures, read where they are published (never copied in). */
export const ob20Fixture = (...parts: string[]) => publicFixture('openbadges', 'ob20', ...parts);

/** The hosts the reference validator's tests serve from ob20/assets. */
const FIXTURE_ORIGINS = ['https://example.org', 'https://www.example.org', 'http://example.org'];

/** How one URL answers instead of the default (the asset with the URL's file name). */
export type Route = {
  file?: string;
  redirect?: string;
  status?: number;
  body?: string;
  contentType?: string;
};

const contentTypes: Record<string, string> = {
  '.json': 'application/ld+json',
  '.png': 'image/png',
  '.html': 'text/html',
  '.jwt': 'text/plain',
};

export type FixtureServer = {
  /** Per-test answers, keyed by the full fixture URL (e.g. https://example.org/a.json). */
  routes: Map<string, Route>;
  /** Every fixture URL asked for, in order. */
  requested: string[];
  fetch: Fetcher;
  close: () => Promise<void>;
};

function respond(route: Route | undefined, pathname: string, response: http.ServerResponse): void {
  if (route?.redirect) {
    response.writeHead(302, { Location: route.redirect }).end();
    return;
  }
  const file = route?.file ?? ob20Fixture('assets', path.basename(pathname));
  if (route?.body !== undefined || route?.status !== undefined) {
    response
      .writeHead(route.status ?? 200, { 'Content-Type': route.contentType ?? 'application/ld+json' })
      .end(route.body ?? '');
    return;
  }
  if (!existsSync(file)) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
}

/**
 * A local HTTP server standing in for example.org the way the reference validator's tests do:
 * any path answers with ob20/assets/<file name>, unless a route says otherwise. Its Fetcher maps
 * the fixture hosts onto it and follows redirects itself, so `finalUrl` and `redirected` read as
 * they would on the real web.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const requested: string[] = [];
  const server = http.createServer((request, response) => {
    const original = String(request.headers['x-fixture-url'] ?? '');
    requested.push(original);
    respond(routes.get(original), new URL(original).pathname, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fetch: Fetcher = async (url, options) => {
    let current = url;
    for (let hops = 0; hops <= 5; hops++) {
      const parsed = new URL(current);
      if (!FIXTURE_ORIGINS.includes(parsed.origin))
        throw unreachableError(`${current} could not be reached (no such host)`);
      const response = await globalThis.fetch(`http://127.0.0.1:${port}${parsed.pathname}${parsed.search}`, {
        redirect: 'manual',
        headers: { Accept: options.accept, 'X-Fixture-Url': parsed.href },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).href;
        continue;
      }
      const body = new Uint8Array(await response.arrayBuffer());
      if (body.length > options.maxBytes)
        throw new FetchError(`${url} is larger than ${options.maxBytes} bytes`);
      const contentType = response.headers.get('content-type') ?? '';
      return { url, finalUrl: current, redirected: hops > 0, status: response.status, contentType, body };
    }
    throw new FetchError(`${url} redirected too many times`);
  };

  const close = () =>
    new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return { routes, requested, fetch, close };
}

/** Serves a fixture assertion at its own id, as its issuer would, so hosted verification can refetch it. */
export function serveAtId(server: FixtureServer, fixture: string): void {
  const file = ob20Fixture(fixture);
  const { id } = JSON.parse(readFileSync(file, 'utf8')) as { id: string };
  server.routes.set(new URL(id).href, { file });
}
