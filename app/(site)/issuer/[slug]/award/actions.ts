'use server';

import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { awardInputSchema, fieldErrorsOf } from '@/lib/awards/award-input';
import { createAward } from '@/lib/awards/create-award';
import { getConfig } from '@/lib/config';
import { kickOutbox } from '@/lib/email/worker';
import { kickWebhooks } from '@/lib/webhooks/worker';
import { issuerActionContext } from '../../console';

const dateField = z
  .string()
  .trim()
  .transform((v) => (v ? `${v}T00:00:00Z` : undefined));

const formSchema = z.object({
  slug: z.string(),
  templateId: z.string(),
  email: z.string(),
  name: z.string(),
  issuedAt: dateField,
  expiresAt: dateField,
  evidenceUrl: z.string().trim(),
  evidenceNarrative: z.string().trim(),
});

/** Awards one badge from the console: the same rules and email as the API. */
export const awardOneAction = formAction(formSchema, async (form) => {
  const { db, issuer } = await issuerActionContext(form.slug);
  const evidence =
    form.evidenceUrl || form.evidenceNarrative
      ? [{ url: form.evidenceUrl || undefined, narrative: form.evidenceNarrative || undefined }]
      : undefined;
  const parsed = awardInputSchema.safeParse({
    templateId: form.templateId,
    recipient: { email: form.email, name: form.name },
    issuedAt: form.issuedAt,
    expiresAt: form.expiresAt,
    evidence,
  });
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    const fieldErrors: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(errors)) {
      const field =
        {
          'recipient.email': 'email',
          'recipient.name': 'name',
          'evidence.0.url': 'evidenceUrl',
          'evidence.0': 'evidenceUrl',
        }[key] ?? key;
      fieldErrors[field] = messages;
    }
    return {
      status: 'error',
      message: 'Please correct the highlighted fields.',
      fieldErrors,
      values: { ...form, issuedAt: '', expiresAt: '' },
    };
  }
  const { award } = await createAward({ db, config: getConfig(), issuer, input: parsed.data });
  kickOutbox();
  kickWebhooks();
  return {
    status: 'success',
    message:
      award.state === 'opted_out'
        ? `Recorded for ${award.recipientEmail}, who has opted out of achievements: no email was sent.`
        : `Awarded. ${award.recipientEmail} has been sent a claim email.`,
  };
});
