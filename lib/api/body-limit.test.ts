import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { makeIssuer } from '@/test/factories';
import { issuerRoute, parseBody } from './handler';

const MB = 1024 * 1024;
const echo = z.object({ note: z.string() });

/** A route that echoes the note's length, and counts how often the handler ran. */
function echoRoute(options?: { maxBodyBytes: number }) {
  const runs = { count: 0 };
  const route = issuerRoute(async ({ request }) => {
    runs.count += 1;
    const { note } = await parseBody(request, echo);
    return Response.json({ length: note.length }, { status: 201 });
  }, options);
  return { route, runs };
}

const jsonOf = (bytes: number) => JSON.stringify({ note: 'a'.repeat(bytes) });

function post(apiKey: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request('http://laurel.test/api/v1/x', {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { Authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
  } as RequestInit);
}

/** A chunked body with no Content-Length that never ends on its own. */
const endless = () =>
  new ReadableStream<Uint8Array>({
    pull: (controller) => controller.enqueue(new TextEncoder().encode('a'.repeat(64 * 1024))),
  });

const context = { params: Promise.resolve({}) };

describe('issuerRoute body limit', () => {
  it('answers a body over 1 MB with 413 problem+json without running the handler', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    const { route, runs } = echoRoute();
    const response = await route(post(apiKey, jsonOf(1.5 * MB)), context);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 413, detail: expect.stringContaining('1 MB') });
    expect(runs.count).toBe(0);
  });

  it('stops a chunked body without Content-Length at the limit', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    const { route, runs } = echoRoute();
    const response = await route(post(apiKey, endless()), context);
    expect(response.status).toBe(413);
    expect(runs.count).toBe(0);
  });

  it('lets a route allow more, and the handler and idempotency layer both read the body', async () => {
    const { apiKey } = await makeIssuer(await getDb());
    const { route, runs } = echoRoute({ maxBodyBytes: 3 * MB });
    const key = { 'idempotency-key': `big-${crypto.randomUUID()}` };
    const first = await route(post(apiKey, jsonOf(2 * MB), key), context);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ length: 2 * MB });
    const replay = await route(post(apiKey, jsonOf(2 * MB), key), context);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(runs.count).toBe(1);
    expect((await route(post(apiKey, jsonOf(3 * MB)), context)).status).toBe(413);
  });
});
