import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, readLimitedBody, tooLargeProblem } from './read-limited';

const KB = 1024;

/** An endless body that counts how much of it was pulled and whether it was cancelled. */
function endlessBody(chunkBytes: number) {
  const seen = { pulled: 0, isCancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulled += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
    cancel() {
      seen.isCancelled = true;
    },
  });
  return { stream, seen };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://laurel.test/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readLimitedBody', () => {
  it('returns a body within the limit byte for byte', async () => {
    const bytes = await readLimitedBody(post('{"event":"view"}'), 64 * KB);
    expect(new TextDecoder().decode(bytes)).toBe('{"event":"view"}');
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { stream, seen } = endlessBody(16 * KB);
    const request = post(stream, { 'content-length': String(10 * 1024 * KB) });
    await expect(readLimitedBody(request, 64 * KB)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.pulled).toBeLessThanOrEqual(32 * KB);
  });

  it('stops a chunked body as soon as it passes the limit and cancels the rest', async () => {
    const { stream, seen } = endlessBody(16 * KB);
    await expect(readLimitedBody(post(stream), 64 * KB)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(seen.isCancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(128 * KB);
  });

  it('answers 413 problem+json that names the limit', async () => {
    const response = tooLargeProblem(new BodyTooLargeError(64 * KB));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toContain('64 KB');
  });
});

describe('readLimitedBody over real HTTP', () => {
  let server: http.Server | undefined;
  afterEach(() => server?.close());

  it('answers a 50 MB chunked upload with 413 long before it ends, without holding it in memory', async () => {
    // The request is built from the socket stream the way Next builds a route handler's request.
    server = http.createServer(async (req, res) => {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: req as unknown as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      try {
        await readLimitedBody(request, 64 * KB);
        res.writeHead(204).end();
      } catch (error) {
        const answer = tooLargeProblem(error as BodyTooLargeError);
        res.writeHead(answer.status, { 'content-type': 'application/problem+json' });
        res.end(await answer.text());
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const rssBefore = process.memoryUsage().rss;

    const upload = http.request({ port, method: 'POST', path: '/events' });
    const answered = once(upload, 'response') as Promise<[http.IncomingMessage]>;
    let sent = 0;
    let isAnswered = false;
    void answered.then(() => {
      isAnswered = true;
    });
    const chunk = Buffer.alloc(256 * KB, 'a');
    while (!isAnswered && sent < 50 * 1024 * KB) {
      sent += chunk.length;
      if (!upload.write(chunk)) await Promise.race([once(upload, 'drain'), answered]);
    }
    const [response] = await answered;
    upload.destroy();

    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(sent).toBeLessThan(10 * 1024 * KB);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(20 * 1024 * KB);
  });
});
