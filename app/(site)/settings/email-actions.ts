'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  addAccountEmail,
  makePrimaryEmail,
  removeAccountEmail,
  resendAccountEmailLink,
} from '@/lib/accounts/user-emails';
import { userAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { emailSchema } from '@/lib/awards/award-input';
import { getConfig } from '@/lib/config';

// Each acts on the signed-in user's own addresses; an id from another account is "not found".

export const addEmailAction = userAction(
  { schema: z.object({ email: emailSchema }) },
  async ({ input, db, actor }) => {
    const { email } = await addAccountEmail(db, {
      config: getConfig(),
      userId: actor.id,
      email: input.email,
    });
    revalidatePath('/settings');
    return success(`We sent a confirmation link to ${email}. It works for 24 hours.`);
  },
);

const addressSchema = z.object({
  emailId: z.uuid('Choose an address.'),
  intent: z.enum(['primary', 'resend', 'remove']),
});

export const emailAddressAction = userAction({ schema: addressSchema }, async ({ input, db, actor }) => {
  const mine = { db, userId: actor.id, emailId: input.emailId };
  if (input.intent === 'resend') {
    const { email } = await resendAccountEmailLink({ ...mine, config: getConfig() });
    return success(`We sent a new confirmation link to ${email}.`);
  }
  const { email } = await (input.intent === 'primary' ? makePrimaryEmail(mine) : removeAccountEmail(mine));
  revalidatePath('/settings');
  return success(
    input.intent === 'primary' ? `${email} is now your primary address.` : `${email} is removed.`,
  );
});
