import { z } from 'zod';

const isoDate = z.iso
  .datetime({ offset: true, message: 'Enter a date and time with a time zone, like 2025-06-30T09:00:00Z.' })
  .transform((v) => new Date(v));

export const evidenceSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'Enter a web address starting with https:// or http://.' })
      .max(2000, 'Keep the web address to 2,000 characters or fewer.')
      .optional(),
    narrative: z
      .string()
      .trim()
      .min(1, 'Write a note, or leave it out.')
      .max(5000, 'Keep the note to 5,000 characters or fewer.')
      .optional(),
  })
  .strict()
  .refine((e) => e.url || e.narrative, { message: 'Give the evidence a web address, a note or both.' });

export const emailSchema = z
  .string({ message: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email({ message: 'Enter an email address like name@example.com.' })
      .max(254, 'An email address has at most 254 characters.'),
  );

/** The learner's name as the badge will show it. */
export const recipientNameSchema = z
  .string({ message: 'Enter the recipient’s name.' })
  .trim()
  .min(1, 'Enter the recipient’s name.')
  .max(200, 'Keep the name to 200 characters or fewer.');

/** What an issuer sends to award one badge (API, and later the console and CSV). */
export const awardInputSchema = z
  .object({
    templateId: z.uuid({ message: 'Choose one of your badge templates.' }),
    recipient: z
      .object({
        email: emailSchema,
        name: recipientNameSchema,
      })
      .strict(),
    issuedAt: isoDate.optional(),
    expiresAt: isoDate.optional(),
    evidence: z.array(evidenceSchema).max(20).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.issuedAt && v.expiresAt && v.expiresAt <= v.issuedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: 'The expiry date must be after the issue date.',
      });
    }
    if (v.issuedAt && v.issuedAt.getTime() > Date.now() + 5 * 60_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['issuedAt'],
        message: 'The issue date cannot be in the future.',
      });
    }
  });

export type AwardInput = z.infer<typeof awardInputSchema>;

/** zod issues as `{ "recipient.email": ["Enter an email address like name@example.com."] }`. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (path: PropertyKey[], message: string) => {
    const key = path.map(String).join('.') || '(body)';
    out[key] = [...(out[key] ?? []), message];
  };
  for (const issue of error.issues) {
    // An unknown property is named as the field itself, so integrators see which one.
    if (issue.code === 'unrecognized_keys')
      for (const k of issue.keys) add([...issue.path, k], 'is not a known property');
    else add(issue.path, issue.message);
  }
  return out;
}

/**
 * The same errors under a form's field names: a path found in `fieldOf` (whole, then by its first
 * segment) gets that name, anything else its first segment (`skills.0` → `skills`).
 */
export function formFieldErrorsOf(
  error: z.ZodError,
  fieldOf: Record<string, string> = {},
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrorsOf(error))) {
    const head = path.split('.')[0] ?? path;
    const field = fieldOf[path] ?? fieldOf[head] ?? head;
    out[field] = [...(out[field] ?? []), ...messages];
  }
  return out;
}
