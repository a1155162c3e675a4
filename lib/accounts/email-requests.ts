import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { userEmails, users } from '@/db/schema';
import type { Config } from '@/lib/config';
import { AppError } from '@/lib/errors';
import { checkRequestLimit, TOO_MANY_REQUESTS } from './request-limits';
import { requestPasswordReset, sendVerificationEmail } from './user-tokens';

export type EmailRequestInput = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'isDemoMode'>;
  email: string;
  client: string;
};

/**
 * Both answers below are the same for every address and take at least this long, so neither the
 * words nor the timing say whether an account exists (the lookup, rendering and queueing an
 * email for a real account take far less than this).
 */
export const ANSWER_MS = 1000;

async function padded<T>(work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    await sleep(Math.max(0, ANSWER_MS - (performance.now() - started)));
  }
}

async function limited(
  input: EmailRequestInput,
  action: 'forgotPassword' | 'resendVerification',
  send: () => Promise<void>,
) {
  const email = input.email.trim().toLowerCase();
  const limit = await checkRequestLimit(input.db, { action, client: input.client, target: email });
  if (limit === 'client') throw new AppError('rate_limited', TOO_MANY_REQUESTS);
  // The target's limit stops mail to that inbox without telling the asker anything.
  if (limit === 'ok') await send();
  return email;
}

export function answerForgotPassword(input: EmailRequestInput): Promise<string> {
  return padded(async () => {
    const email = await limited(input, 'forgotPassword', () =>
      requestPasswordReset(input.db, { config: input.config, email: input.email }),
    );
    return `If ${email} belongs to a Laurel account, we have sent it a link to choose a new password. It works for one hour.`;
  });
}

/** A fresh confirmation link for an address still waiting to be confirmed. */
export function answerResendVerification(input: EmailRequestInput): Promise<string> {
  return padded(async () => {
    const email = await limited(input, 'resendVerification', async () => {
      const [row] = await input.db
        .select({ userId: users.id, name: users.name })
        .from(userEmails)
        .innerJoin(users, eq(users.id, userEmails.userId))
        .where(and(eq(userEmails.email, input.email.trim().toLowerCase()), isNull(userEmails.verifiedAt)));
      if (row)
        await sendVerificationEmail(input.db, {
          config: input.config,
          ...row,
          email: input.email.trim().toLowerCase(),
        });
    });
    return `If ${email} is waiting to be confirmed, we have sent it a new link. It works for 24 hours.`;
  });
}
