/**
 * Every server action of the signed-in site, called directly as people who must not use it on
 * someone else's data: a signed-out visitor, another learner, an admin of another issuer (naming
 * the victim's issuer, and naming their own with the victim's ids) and, for admin work, staff.
 * Each is refused with nothing of the victim's changed; then the owner sends the same form and
 * it does change, so the refusals are about who is asking, not about the input.
 *
 * Why Vitest and not HTTP: next-auth reads its cookie only inside a Next request, so
 * `currentActor` (lib/actions/current-actor.ts, one line over getCurrentUser) is the single thing
 * replaced, by a real user from the database. Membership, parsing and the domain run for real on
 * PostgreSQL. `next/cache` is replaced because revalidatePath needs Next's cache store.
 * Actions are found by reading every 'use server' module under app/(site), so a new action that
 * does not go through lib/actions/form-action.ts, or is not in the matrix below, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import type { CurrentUser } from '@/lib/auth/session';
import { MATRIX } from '@/test/stranger-cases';
import { type Case, fingerprint, makeWorld, type World } from '@/test/stranger-world';
import { type Access, actionAccess } from './form-action';
import { idle } from './form-state';

const session = vi.hoisted(() => {
  // The console's own endpoint form may point at this machine; config needs no secrets file.
  process.env.OUTBOUND_ALLOW_HOSTS = '127.0.0.1';
  process.env.AUTH_SECRET ??= 'stranger-matrix-test-secret-0123456789abcdef';
  return { actor: null as CurrentUser | null };
});
vi.mock('./current-actor', () => ({ currentActor: async () => session.actor }));
// The sign-in actions import auth.ts, whose next-auth only loads inside Next; none of them is called here.
vi.mock('@/auth', () => ({ auth: async () => null, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next-auth', () => ({
  AuthError: class extends Error {},
  CredentialsSignin: class extends Error {},
}));
// Actions that rate limit by client read the request's headers, which exist only inside Next.
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  revalidatePath: () => {},
  revalidateTag: () => {},
}));

const SITE = path.join(process.cwd(), 'app/(site)');

function serverModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverModules(full);
    return /\.tsx?$/.test(entry.name) && /^'use server';/.test(readFileSync(full, 'utf8')) ? [full] : [];
  });
}

type ActionFn = (previous: unknown, formData: FormData) => Promise<{ status: string; message?: string }>;

async function actionsUnder(root: string): Promise<Map<string, ActionFn>> {
  const found = new Map<string, ActionFn>();
  for (const file of serverModules(root)) {
    const module: Record<string, unknown> = await import(file);
    for (const [name, fn] of Object.entries(module)) {
      if (typeof fn === 'function') found.set(`${path.relative(root, file)}#${name}`, fn as ActionFn);
    }
  }
  return found;
}
const actions = await actionsUnder(SITE);
// The cached public pages' actions (verify a badge, check an address) are for anyone, by design.
const publicPageActions = await actionsUnder(path.join(process.cwd(), 'app/(public)'));

/** Sign-in, sign-up, confirmation resend, password reset and declining a claim: for people without a session, by design. */
const PUBLIC = [
  '(auth)/actions.ts#signInAction',
  '(auth)/actions.ts#signUpAction',
  '(auth)/actions.ts#resendVerificationAction',
  '(auth)/password-actions.ts#forgotPasswordAction',
  '(auth)/password-actions.ts#resetPasswordAction',
  'claim/[token]/actions.ts#declineClaimAction',
];

function formOf(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

const isRedirect = (error: unknown) =>
  error instanceof Error && 'digest' in error && String(error.digest).startsWith('NEXT_REDIRECT');

async function run(action: ActionFn, actor: CurrentUser | null, fields: Record<string, string | Blob>) {
  session.actor = actor;
  try {
    return await action(idle, formOf(fields));
  } catch (error) {
    if (isRedirect(error)) return { status: 'redirected' };
    throw error;
  }
}

type Stranger = { who: string; actor: (w: World) => CurrentUser | null; slug: (w: World) => string };

function strangersFor(access: Access, c: Case): Stranger[] {
  const list: Stranger[] = [
    { who: 'a signed-out visitor', actor: () => null, slug: (w) => w.slug },
    { who: 'another learner', actor: (w) => w.stranger, slug: (w) => w.slug },
    { who: 'an admin of another issuer', actor: (w) => w.otherAdmin, slug: (w) => w.slug },
  ];
  if (c.isTokenCapability) return list.slice(0, 1);
  if (c.targetsIds && access !== 'user') {
    list.push({
      who: 'an admin of another issuer, through it',
      actor: (w) => w.otherAdmin,
      slug: (w) => w.otherSlug,
    });
  }
  if (access === 'admin')
    list.push({ who: 'staff of the issuer', actor: (w) => w.staff, slug: (w) => w.slug });
  return list;
}

describe('server actions refuse strangers', () => {
  it('finds the actions, and each is declared through the wrapper and tested here', () => {
    expect(actions.size).toBeGreaterThan(15);
    for (const [key, fn] of actions) {
      expect(actionAccess(fn), `${key} does not go through lib/actions/form-action.ts`).toBeDefined();
      if (actionAccess(fn) === 'public') expect(PUBLIC, `${key} is public`).toContain(key);
      else expect(Object.keys(MATRIX), `${key} is missing from the stranger matrix`).toContain(key);
    }
  });

  it("the public pages' actions go through the wrapper too, as public actions", () => {
    expect(publicPageActions.size).toBeGreaterThanOrEqual(2);
    for (const [key, fn] of publicPageActions) {
      expect(actionAccess(fn), `${key} does not go through lib/actions/form-action.ts`).toBe('public');
    }
  });

  for (const [key, c] of Object.entries(MATRIX)) {
    it(key, async () => {
      const action = actions.get(key);
      const access = actionAccess(action);
      if (!action || !access) throw new Error(`${key} is not an action of app/(site)`);
      expect(access).toBe(c.access);
      const db = await getDb();
      const w = await makeWorld(db);
      const before = await fingerprint(db, w);
      for (const s of strangersFor(access, c)) {
        // Settings act on the caller's own account only: a learner there changes only their own.
        const isOwnDataOnly = access === 'user' && !c.targetsIds && s.actor(w) !== null;
        const state = await run(action, s.actor(w), { ...(await c.form(w)), slug: s.slug(w) });
        if (!isOwnDataOnly) expect(state.status, `${key} as ${s.who}: ${state.message}`).toBe('error');
        expect(await fingerprint(db, w), `${key} as ${s.who} changed the victim's data`).toEqual(before);
      }
      const owner = access === 'user' ? w.learner : w.owner;
      const state = await run(action, owner, { ...(await c.form(w)), slug: w.slug });
      expect(state.status, `${key} as its owner: ${state.message}`).not.toBe('error');
      expect(await fingerprint(db, w), `${key} as its owner changed nothing`).not.toEqual(before);
    });
  }
});
