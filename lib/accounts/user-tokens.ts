import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { userEmails, users, userTokens } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { revokeUserSessions } from '@/lib/auth/sessions';
import type { Config } from '@/lib/config';
import { hashToken, newToken } from '@/lib/crypto/tokens';
import { enqueueEmail } from '@/lib/email/outbox';
import { resetPasswordMessage, verifyEmailMessage } from '@/lib/email/render';
import { AppError } from '@/lib/errors';

const HOUR_MS = 3_600_000;
const LIFETIME_MS = { verify_email: 24 * HOUR_MS, reset_password: HOUR_MS } as const;
type Kind = keyof typeof LIFETIME_MS;
type MailConfig = Pick<Config, 'appUrl' | 'isDemoMode'>;

async function issueToken(db: Executor, input: { kind: Kind; userId: string; email: string }) {
  const { token, hash } = newToken();
  await db.insert(userTokens).values({
    tokenHash: hash,
    kind: input.kind,
    userId: input.userId,
    email: input.email,
    expiresAt: new Date(Date.now() + LIFETIME_MS[input.kind]),
  });
  return token;
}

/** The link and its email in one transaction (a savepoint inside the caller's): both or neither. */
export async function sendVerificationEmail(
  db: Executor,
  input: { config: MailConfig; userId: string; name: string; email: string },
) {
  const message = (token: string) =>
    verifyEmailMessage({ name: input.name, verifyUrl: `${input.config.appUrl}/verify-email/${token}` });
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, { kind: 'verify_email', userId: input.userId, email: input.email });
    await enqueueEmail(tx, {
      message: { to: input.email, ...(await message(token)) },
      isDemoMode: input.config.isDemoMode,
    });
  });
}

/** Spends a live token of this kind; null when it is unknown, used or expired. */
async function consumeToken(db: Executor, kind: Kind, token: string) {
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.kind, kind),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row ?? null;
}

export async function verifyEmailAddress(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'verify_email', token);
    const invalid = new AppError('invalid', 'This confirmation link is not valid or has expired.');
    if (!row) throw invalid;
    // The account may have lost the address meanwhile (someone proved it first): nothing to confirm.
    const [confirmed] = await tx
      .update(userEmails)
      .set({ verifiedAt: sql`coalesce(${userEmails.verifiedAt}, now())` })
      .where(and(eq(userEmails.userId, row.userId), eq(userEmails.email, row.email)))
      .returning({ id: userEmails.id });
    if (!confirmed) throw invalid;
    return { email: row.email };
  });
}

/** Always behaves the same whether or not the address has an account, so it reveals nothing. */
export async function requestPasswordReset(db: Db, input: { config: MailConfig; email: string }) {
  const email = input.email.trim().toLowerCase();
  const [row] = await db
    .select({ userId: users.id, name: users.name })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(eq(userEmails.email, email));
  if (!row) return;
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, { kind: 'reset_password', userId: row.userId, email });
    const message = await resetPasswordMessage({
      name: row.name,
      resetUrl: `${input.config.appUrl}/reset-password/${token}`,
    });
    await enqueueEmail(tx, { message: { to: email, ...message }, isDemoMode: input.config.isDemoMode });
  });
}

export async function isResetTokenLive(db: Executor, token: string) {
  const [row] = await db
    .select({ tokenHash: userTokens.tokenHash })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.kind, 'reset_password'),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    );
  return Boolean(row);
}

/**
 * Sets a new password. The link proves the address, so it is marked verified; other reset links
 * stop working, and every session signed in before the change ends.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'reset_password', input.token);
    const invalid = new AppError(
      'invalid',
      'This reset link is not valid or has expired. Ask for a new one.',
    );
    if (!row) throw invalid;
    // The link proves only that address: one the account no longer holds opens nothing.
    const [address] = await tx
      .update(userEmails)
      .set({ verifiedAt: sql`coalesce(${userEmails.verifiedAt}, now())` })
      .where(and(eq(userEmails.userId, row.userId), eq(userEmails.email, row.email)))
      .returning({ id: userEmails.id });
    if (!address) throw invalid;
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()` })
      .where(eq(users.id, row.userId));
    await tx
      .update(userTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(userTokens.userId, row.userId),
          eq(userTokens.kind, 'reset_password'),
          isNull(userTokens.usedAt),
        ),
      );
    await revokeUserSessions(tx, { userId: row.userId });
    return { userId: row.userId, email: row.email };
  });
}
