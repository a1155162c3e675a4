'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { checkAwardEmail } from '@/lib/badges/check-email';

export type EmailCheckState =
  | { status: 'idle' }
  | { status: 'answered'; isMatch: boolean; email: string }
  | { status: 'error'; message: string; email: string };

const inputSchema = z.object({ awardId: z.uuid(), email: z.string().trim().max(320) });

/**
 * Answers whether a public badge was awarded to the address the visitor typed. Anonymous by
 * design (anyone may verify), so it sits outside the signed-in action wrapper; the per-client
 * limit is what keeps it from being an address oracle.
 */
export async function checkEmailAction(_previous: EmailCheckState, form: FormData): Promise<EmailCheckState> {
  const parsed = inputSchema.safeParse({ awardId: form.get('awardId'), email: form.get('email') ?? '' });
  const email = parsed.success ? parsed.data.email : '';
  if (!parsed.success || !z.email().safeParse(email).success) {
    return { status: 'error', message: 'Enter an email address, like name@example.com.', email };
  }
  const answer = await checkAwardEmail(await getDb(), {
    awardId: parsed.data.awardId,
    email,
    client: clientKeyFrom(await headers()),
  });
  if (answer === 'rate_limited') {
    const message = 'Too many checks of this badge. Try again in 15 minutes.';
    return { status: 'error', message, email };
  }
  if (answer === 'not_found') return { status: 'error', message: 'This badge is not public.', email };
  return { status: 'answered', isMatch: answer === 'match', email };
}
