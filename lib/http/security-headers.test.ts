import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const saved = process.env.APP_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
});

/** What the proxy answers for a page, and the request headers it hands on to Next's render. */
async function run(path: string, headers: Record<string, string> = {}) {
  const response = await proxy(new NextRequest(`http://laurel.test${path}`, { headers }));
  const policy = response.headers.get('content-security-policy') ?? '';
  // NextResponse.next({ request }) passes request headers on as x-middleware-request-* headers.
  const forwarded = response.headers.get('x-middleware-request-content-security-policy');
  return { response, policy, forwarded };
}

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('proxy security headers', () => {
  it('gives a signed-in page a fresh nonce per request and tells Next about it', async () => {
    const first = await run('/wallet');
    const second = await run('/wallet');
    const nonce = /'nonce-([^']+)'/.exec(first.policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.policy).not.toContain(`'nonce-${nonce}'`);
    expect(directive(first.policy, 'script-src')).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(first.forwarded).toBe(first.policy);
    for (const fixed of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(first.policy).toContain(fixed);
    }
  });

  it('gives cached public pages one policy without a nonce, and ignores a nonce a client sends', async () => {
    const { policy, forwarded } = await run('/badges/7d0f1c9e-2f43-4a8e-9b1e-1f2d3c4b5a69', {
      'content-security-policy': "script-src 'nonce-chosen-by-client'",
    });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(forwarded).toBeNull();
    expect((await run('/verify')).policy).toBe(policy);
  });

  it('lets any site frame the embed card and nothing else', async () => {
    expect((await run('/badges/7d0f1c9e-2f43-4a8e-9b1e-1f2d3c4b5a69/embed')).policy).toContain(
      'frame-ancestors *',
    );
    expect((await run('/badges/7d0f1c9e-2f43-4a8e-9b1e-1f2d3c4b5a69/embedded')).policy).toContain(
      "frame-ancestors 'none'",
    );
  });

  it('sends HSTS only when APP_URL is https', async () => {
    process.env.APP_URL = 'https://badges.example.org';
    expect((await run('/')).response.headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
    process.env.APP_URL = 'http://localhost:3000';
    expect((await run('/')).response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('proxy body limit for server actions', () => {
  const action = (body: BodyInit, headers: Record<string, string> = {}) =>
    proxy(
      new NextRequest('http://laurel.test/verify', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'next-action': 'an-action-id', ...headers },
      } as ConstructorParameters<typeof NextRequest>[1]),
    );

  it('answers 413 problem+json for a declared or a chunked body over 6 MB, and lets others through', async () => {
    const declared = await action('{}', { 'content-length': String(7 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(declared.headers.get('content-type')).toBe('application/problem+json');
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(256 * 1024)),
    });
    expect((await action(endless)).status).toBe(413);
    const small = await action('["a small argument"]');
    expect(small.headers.get('x-middleware-next')).toBe('1');
  });
});
