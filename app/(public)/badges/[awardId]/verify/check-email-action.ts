'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { publicAction } from '@/lib/actions/form-action';
import { type FormError, failure } from '@/lib/actions/form-state';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { checkAwardEmail } from '@/lib/badges/check-email';

export type EmailCheckState =
  | { status: 'idle' }
  | FormError
  | { status: 'answered'; isMatch: boolean; email: string };

const inputSchema = z.object({
  awardId: z.uuid(),
  email: z.string().trim().max(320).pipe(z.email('Enter an email address, like name@example.com.')),
});

/**
 * Answers whether a public badge was awarded to the address the visitor typed. Anonymous by
 * design (anyone may verify); the per-client and per-badge limits keep it from being an address
 * oracle.
 */
export const checkEmailAction = publicAction<typeof inputSchema, EmailCheckState>(
  { schema: inputSchema },
  async ({ input: { awardId, email }, db }) => {
    const answer = await checkAwardEmail(db, { awardId, email, client: clientKeyFrom(await headers()) });
    if (answer === 'rate_limited')
      return failure('Too many checks of this badge. Try again in 15 minutes.', { email });
    if (answer === 'not_found') return failure('This badge is not public.', { email });
    return { status: 'answered', isMatch: answer === 'match', email };
  },
);
