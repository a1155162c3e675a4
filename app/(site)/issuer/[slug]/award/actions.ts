'use server';

import { z } from 'zod';
import { issuerAction } from '@/lib/actions/form-action';
import { CHECK_ANSWERS, success } from '@/lib/actions/form-state';
import { awardInputSchema, formFieldErrorsOf } from '@/lib/awards/award-input';
import { createAward } from '@/lib/awards/create-award';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';

const dateField = z
  .string()
  .trim()
  .transform((v) => (v ? `${v}T00:00:00Z` : undefined));

const formSchema = z.object({
  templateId: z.string(),
  email: z.string(),
  name: z.string(),
  issuedAt: dateField,
  expiresAt: dateField,
  evidenceUrl: z.string().trim(),
  evidenceNarrative: z.string().trim(),
});

/** The API's field paths as this form's inputs. */
const FIELD_OF = {
  'recipient.email': 'email',
  'recipient.name': 'name',
  evidence: 'evidenceUrl',
  'evidence.0.narrative': 'evidenceNarrative',
};

/** Awards one badge from the console: the same rules and email as the API. */
export const awardOneAction = issuerAction(
  { role: 'member', schema: formSchema },
  async ({ input, db, issuer }) => {
    const evidence =
      input.evidenceUrl || input.evidenceNarrative
        ? [{ url: input.evidenceUrl || undefined, narrative: input.evidenceNarrative || undefined }]
        : undefined;
    const parsed = awardInputSchema.safeParse({
      templateId: input.templateId,
      recipient: { email: input.email, name: input.name },
      issuedAt: input.issuedAt,
      expiresAt: input.expiresAt,
      evidence,
    });
    if (!parsed.success) {
      throw new AppError('invalid', CHECK_ANSWERS, {
        fieldErrors: formFieldErrorsOf(parsed.error, FIELD_OF),
      });
    }
    const { award } = await createAward({ db, config: getConfig(), issuer, input: parsed.data });
    return success(
      award.state === 'opted_out'
        ? `Recorded for ${award.recipientEmail}, who has opted out of achievements: no email was sent.`
        : `Awarded. ${award.recipientEmail} has been sent a claim email.`,
    );
  },
);
