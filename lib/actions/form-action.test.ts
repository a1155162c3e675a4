import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { CurrentUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { addIssuerMember } from '@/lib/issuers/members';
import { createTemplate } from '@/lib/issuers/templates';
import { makeIssuer, makeUser } from '@/test/factories';
import { issuerAction, userAction } from './form-action';
import { idle, success } from './form-state';

// As in stranger-matrix.test.ts: only the session read (cookies, inside Next) is stood in for.
const session = vi.hoisted(() => ({ actor: null as CurrentUser | null }));
vi.mock('./current-actor', () => ({ currentActor: async () => session.actor }));
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  revalidatePath: () => {},
}));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

async function signedInUser(): Promise<CurrentUser> {
  const { user, email } = await makeUser(await getDb());
  return { id: user.id, name: user.name, email };
}

describe('the action wrapper', () => {
  const rename = userAction({ schema: z.object({ handle: z.string() }) }, async () => {
    throw new AppError('conflict', 'That handle is taken. Please choose another.', { field: 'handle' });
  });

  it('shows an error under the field the error names, and refills the form without passwords', async () => {
    session.actor = await signedInUser();
    expect(await rename(idle, form({ handle: 'ada', password: 'hunter2' }))).toEqual({
      status: 'error',
      message: 'That handle is taken. Please choose another.',
      fieldErrors: { handle: ['That handle is taken. Please choose another.'] },
      values: { handle: 'ada' },
    });
  });

  it('refuses a signed-out visitor before the handler runs', async () => {
    session.actor = null;
    expect(await rename(idle, form({ handle: 'ada' }))).toMatchObject({
      status: 'error',
      message: 'Your session has ended. Sign in again.',
    });
  });

  it('answers a request that is not a form with a message, not a crash', async () => {
    session.actor = await signedInUser();
    const call = rename as unknown as (previous: unknown, payload: unknown) => Promise<unknown>;
    expect(await call(idle, { handle: 'ada' })).toEqual({
      status: 'error',
      message: 'That request could not be read.',
    });
  });

  it("puts the domain's own per-field words under the console form's fields", async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const admin = await signedInUser();
    await addIssuerMember(db, { issuerId: issued.issuer.id, email: admin.email, role: 'admin' });
    const { updateTemplateAction } = await import('@/app/(site)/issuer/[slug]/templates/actions');
    const image = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300"/></svg>',
    ).toString('base64');
    await createTemplate(db, {
      issuerId: issued.issuer.id,
      input: { name: 'Taken Name', description: 'x', criteria: { narrative: 'y' }, skills: ['Linux'], image },
    });
    session.actor = admin;
    const state = await updateTemplateAction(
      idle,
      form({
        slug: issued.issuer.slug,
        templateId: issued.template.id,
        name: 'Taken Name',
        description: 'Navigated the shell.',
        criteriaNarrative: 'Complete the lab.',
        skills: 'Linux',
      }),
    );
    expect(state).toMatchObject({
      status: 'error',
      message: 'You already have a template with this name.',
      fieldErrors: { name: ['Another of your templates has this name; choose another.'] },
    });
  });

  it('keeps admin work from staff', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const staff = await signedInUser();
    await addIssuerMember(db, { issuerId: issued.issuer.id, email: staff.email, role: 'staff' });
    const adminOnly = issuerAction({ role: 'admin', schema: z.object({}) }, async () => success('done'));
    session.actor = staff;
    expect(await adminOnly(idle, form({ slug: issued.issuer.slug }))).toMatchObject({
      status: 'error',
      message: 'Only an issuer admin can do this.',
    });
  });
});
