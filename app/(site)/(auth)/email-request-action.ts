import 'server-only';
import { headers } from 'next/headers';
import { z } from 'zod';
import type { EmailRequestInput } from '@/lib/accounts/email-requests';
import { publicAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { emailSchema } from '@/lib/awards/award-input';
import { getConfig } from '@/lib/config';

/**
 * An "email me a link" form (reset password, confirm address): one field, and the same answer
 * whether or not the address has an account, so the form never tells who is registered.
 */
export function emailRequestAction(answer: (input: EmailRequestInput) => Promise<string>) {
  return publicAction({ schema: z.object({ email: emailSchema }) }, async ({ input: { email }, db }) => {
    const message = await answer({ db, config: getConfig(), email, client: clientKeyFrom(await headers()) });
    return success(message);
  });
}
