import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { issuerMembers, issuers, userEmails } from '@/db/schema';
import { AppError } from '@/lib/errors';

export type MemberRole = 'admin' | 'staff';

/** Gives a Laurel user (by any of their addresses) a role at an issuer, or changes it. */
export async function addIssuerMember(
  db: Executor,
  input: { issuerId: string; email: string; role: MemberRole },
) {
  const [owner] = await db
    .select({ userId: userEmails.userId })
    .from(userEmails)
    .where(eq(userEmails.email, input.email.trim().toLowerCase()));
  if (!owner)
    throw new AppError('not_found', `No Laurel account uses ${input.email}. Ask them to sign up first.`);
  await db
    .insert(issuerMembers)
    .values({ issuerId: input.issuerId, userId: owner.userId, role: input.role })
    .onConflictDoUpdate({
      target: [issuerMembers.issuerId, issuerMembers.userId],
      set: { role: input.role },
    });
  return owner.userId;
}

/** The issuers a user may work for, with their role at each. */
export function listMemberships(db: Executor, userId: string) {
  return db
    .select({ issuer: issuers, role: issuerMembers.role })
    .from(issuerMembers)
    .innerJoin(issuers, eq(issuers.id, issuerMembers.issuerId))
    .where(eq(issuerMembers.userId, userId))
    .orderBy(asc(issuers.name));
}

/**
 * The issuer and the user's role there, for every console page and action. Not a member is
 * "not found" (no hint that the issuer exists); staff asking for an admin task is "forbidden".
 */
export async function requireIssuerRole(
  db: Executor,
  input: { userId: string; slug: string; needs?: MemberRole },
) {
  const [row] = await db
    .select({ issuer: issuers, role: issuerMembers.role })
    .from(issuerMembers)
    .innerJoin(issuers, eq(issuers.id, issuerMembers.issuerId))
    .where(and(eq(issuerMembers.userId, input.userId), eq(issuers.slug, input.slug)));
  if (!row) throw new AppError('not_found', 'Issuer not found.');
  if (input.needs === 'admin' && row.role !== 'admin') {
    throw new AppError('forbidden', 'Only an issuer admin can do this.');
  }
  return row;
}

/**
 * Who asks for a change to an issuer's own settings: a signed-in user, whose role is checked here
 * whoever the caller is, or the operator's tooling on the server (CLI, seed), trusted by design.
 */
export type IssuerActor = { id: string } | 'operator';

export async function assertIssuerRole(
  db: Executor,
  input: { actor: IssuerActor; issuerId: string; needs?: MemberRole },
) {
  if (input.actor === 'operator') return;
  const [row] = await db
    .select({ role: issuerMembers.role })
    .from(issuerMembers)
    .where(and(eq(issuerMembers.userId, input.actor.id), eq(issuerMembers.issuerId, input.issuerId)));
  if (!row) throw new AppError('not_found', 'Issuer not found.');
  if (input.needs === 'admin' && row.role !== 'admin') {
    throw new AppError('forbidden', 'Only an issuer admin can do this.');
  }
}
