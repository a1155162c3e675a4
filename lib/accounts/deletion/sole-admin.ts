import 'server-only';
import { and, asc, eq, isNull, ne, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { issuerMembers, issuers, users } from '@/db/schema';

/**
 * The issuers this user is the only admin of, by name: deleting the account would leave each
 * without anyone to manage it, so Settings says so before the learner decides. A fellow admin
 * whose own account is about to be deleted does not count.
 */
export function issuersOnlyAdministeredBy(db: Executor, userId: string) {
  const other = alias(issuerMembers, 'other_admin');
  return db
    .select({ name: issuers.name, slug: issuers.slug })
    .from(issuerMembers)
    .innerJoin(issuers, eq(issuers.id, issuerMembers.issuerId))
    .where(
      and(
        eq(issuerMembers.userId, userId),
        eq(issuerMembers.role, 'admin'),
        notExists(
          db
            .select({ one: other.userId })
            .from(other)
            .innerJoin(users, eq(users.id, other.userId))
            .where(
              and(
                eq(other.issuerId, issuerMembers.issuerId),
                eq(other.role, 'admin'),
                ne(other.userId, userId),
                isNull(users.deletionRequestedAt),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(issuers.name));
}
