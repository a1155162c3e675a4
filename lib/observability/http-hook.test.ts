import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { installRequestHook } from './http-hook';
import { renderMetrics } from './metrics';
import { currentRequestId } from './request-context';
import { createRoutePatterns } from './route-pattern';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let server: Server;
let base = '';

// A plain http.Server stands in for `next start`'s: the hook sits on http.Server itself.
beforeAll(async () => {
  installRequestHook(
    createRoutePatterns({
      manifest: { dynamicRoutes: [{ page: '/hook-test/[token]', regex: '^/hook-test/([^/]+?)(?:/)?$' }] },
    }),
  );
  server = createServer(async (req, res) => {
    // Work after an await, as a page or route handler does, still sees its own request.
    await new Promise((resolve) => setTimeout(resolve, 5));
    res.writeHead(req.url?.includes('boom') ? 500 : 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ header: req.headers['x-request-id'], context: currentRequestId() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return {
    id: response.headers.get('x-request-id'),
    body: (await response.json()) as { header: string; context: string },
  };
}

describe('the request hook', () => {
  it('gives each request an id: on the response, on the request headers and in its context', async () => {
    const first = await get('/hook-test/abc');
    const second = await get('/hook-test/abc');
    expect(first.id).toMatch(UUID);
    expect(first.body).toEqual({ header: first.id, context: first.id });
    expect(second.id).not.toBe(first.id);
  });

  it("keeps a load balancer's safe X-Request-Id and replaces anything else", async () => {
    expect((await get('/x', { 'X-Request-Id': 'lb-7f3a.1' })).body).toEqual({
      header: 'lb-7f3a.1',
      context: 'lb-7f3a.1',
    });
    const replaced = await get('/x', { 'X-Request-Id': `evil"${'x'.repeat(80)}` });
    expect(replaced.id).toMatch(UUID);
    expect(replaced.body.header).toBe(replaced.id);
  });

  it('logs one line per request with the id and the route pattern, never the path', async () => {
    const info = vi.spyOn(log, 'info');
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
    const { id } = await get('/hook-test/secret-claim-token?email=sam@example.org', {
      'X-Request-Id': 'trace-1',
    });
    await get('/hook-test/boom');
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    const lines = info.mock.calls.map((call) => call[0] as Record<string, unknown>);
    expect(lines).toContainEqual({
      requestId: 'trace-1',
      method: 'GET',
      route: '/hook-test/[token]',
      status: 200,
      ms: expect.any(Number),
    });
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ route: '/hook-test/[token]', status: 500 });
    expect(JSON.stringify(info.mock.calls)).not.toMatch(/secret-claim-token|example\.org/);
    expect(id).toBe('trace-1');
    info.mockRestore();
    warn.mockRestore();
  });

  it('counts requests by route pattern for /metrics', async () => {
    await get('/hook-test/one');
    await get('/hook-test/two');
    const { body } = await renderMetrics();
    const line = body
      .split('\n')
      .find((l) =>
        l.startsWith('laurel_http_requests_total{method="GET",route="/hook-test/[token]",status="200"}'),
      );
    expect(Number(line?.split(' ')[1])).toBeGreaterThanOrEqual(2);
    expect(body).not.toContain('/hook-test/one');
  });
});
