import { describe, expect, it, vi } from 'vitest';
import { TOO_MANY_REQUESTS } from '@/lib/accounts/request-limits';
import type { CurrentUser } from '@/lib/auth/session';
import { makeUser } from '@/test/factories';

/*
 * The wallet's import action: its bounds and its per-account limit. As in the stranger matrix,
 * only who is signed in (read from next-auth's cookie inside Next) and Next's cache are replaced.
 */
const session = vi.hoisted(() => ({ actor: null as CurrentUser | null }));
vi.mock('@/lib/actions/current-actor', () => ({ currentActor: async () => session.actor }));
vi.mock('@/auth', () => ({ auth: async () => null }));
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  revalidatePath: () => {},
}));

const { importBadgeAction } = await import('@/app/(site)/(wallet)/wallet/import-actions');
const { getDb } = await import('@/db/client');

async function signedIn() {
  const { user, email } = await makeUser(await getDb());
  session.actor = { id: user.id, name: user.name, email };
}

const send = (fields: Record<string, string | Blob>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return importBadgeAction({ status: 'idle' }, form);
};

describe('importBadgeAction', () => {
  it('refuses a signed-out visitor', async () => {
    session.actor = null;
    expect(await send({ text: '{}' })).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Sign in'),
    });
  });

  it('bounds what it reads: nothing, an oversized file, oversized text, a too-long address', async () => {
    await signedIn();
    expect(await send({})).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Choose a badge file'),
    });
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' });
    expect(await send({ file: big })).toMatchObject({ message: expect.stringContaining('larger than 5 MB') });
    expect(await send({ text: `{"a":"${'x'.repeat(1024 * 1024)}"}` })).toMatchObject({
      message: expect.stringContaining('larger than 1 MB'),
    });
    expect(await send({ text: `https://example.org/${'a'.repeat(4100)}` })).toMatchObject({
      message: expect.stringContaining('too long'),
    });
  });

  it('answers each item with its outcome, and stops an account after 60 in ten minutes', {
    timeout: 60_000,
  }, async () => {
    await signedIn();
    // Counters use fixed 10-minute windows: start well inside one so all 61 land in it.
    const intoWindow = Date.now() % 600_000;
    if (intoWindow > 570_000) await new Promise((resolve) => setTimeout(resolve, 600_000 - intoWindow + 100));
    for (let i = 0; i < 60; i += 1) {
      const state = await send({ text: 'not a badge' });
      expect(state).toMatchObject({ status: 'done', outcome: { status: 'refused' } });
    }
    expect(await send({ text: 'not a badge' })).toEqual({ status: 'error', message: TOO_MANY_REQUESTS });
  });
});
