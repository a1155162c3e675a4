import { and, asc, eq, isNotNull, notExists } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { awards, issuerMembers, userEmails, users } from '@/db/schema';

/**
 * Who holds an address, for someone who is about to prove it (a claim link) or claim it (sign-up):
 * `free` — nobody, or an unconfirmed account did and has just lost it; `own` — `userId` itself;
 * `taken` — another account confirmed it, which only that account can undo.
 *
 * An unconfirmed holder loses the address because anyone can sign up with any address: otherwise
 * a squatter could keep the real owner from signing up or claiming badges sent to them.
 */
export async function releaseUnconfirmedAddress(
  tx: Executor,
  input: { email: string; userId?: string },
): Promise<'free' | 'own' | 'taken'> {
  const [holder] = await tx.select().from(userEmails).where(eq(userEmails.email, input.email));
  if (!holder) return 'free';
  if (holder.userId === input.userId) return 'own';
  if (holder.verifiedAt) return 'taken';
  await tx.delete(userEmails).where(eq(userEmails.id, holder.id));
  await tidyAccount(tx, holder.userId);
  return 'free';
}

/** After losing an address: promote a confirmed one to primary, or remove an account left with nothing. */
async function tidyAccount(tx: Executor, userId: string) {
  const [next] = await tx
    .select({ id: userEmails.id, isPrimary: userEmails.isPrimary })
    .from(userEmails)
    .where(and(eq(userEmails.userId, userId), isNotNull(userEmails.verifiedAt)))
    .orderBy(asc(userEmails.createdAt))
    .limit(1);
  if (next) {
    if (!next.isPrimary)
      await tx.update(userEmails).set({ isPrimary: true }).where(eq(userEmails.id, next.id));
    return;
  }
  await tx
    .delete(users)
    .where(
      and(
        eq(users.id, userId),
        notExists(tx.select({ id: userEmails.id }).from(userEmails).where(eq(userEmails.userId, userId))),
        notExists(tx.select({ id: awards.id }).from(awards).where(eq(awards.userId, userId))),
        notExists(
          tx.select({ id: issuerMembers.userId }).from(issuerMembers).where(eq(issuerMembers.userId, userId)),
        ),
      ),
    );
}
