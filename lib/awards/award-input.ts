import { z } from 'zod';

const isoDate = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' })
  .transform((v) => new Date(v));

export const evidenceSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(2000)
      .optional(),
    narrative: z.string().trim().min(1).max(5000).optional(),
  })
  .strict()
  .refine((e) => e.url || e.narrative, { message: 'needs a url or a narrative' });

export const emailSchema = z
  .string({ message: 'is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(254));

/** What an issuer sends to award one badge (API, and later the console and CSV). */
export const awardInputSchema = z
  .object({
    templateId: z.uuid({ message: 'must be a template id (UUID)' }),
    recipient: z
      .object({
        email: emailSchema,
        name: z.string({ message: 'is required' }).trim().min(1, 'is required').max(200),
      })
      .strict(),
    issuedAt: isoDate.optional(),
    expiresAt: isoDate.optional(),
    evidence: z.array(evidenceSchema).max(20).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.issuedAt && v.expiresAt && v.expiresAt <= v.issuedAt) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after issuedAt' });
    }
    if (v.issuedAt && v.issuedAt.getTime() > Date.now() + 5 * 60_000) {
      ctx.addIssue({ code: 'custom', path: ['issuedAt'], message: 'cannot be in the future' });
    }
  });

export type AwardInput = z.infer<typeof awardInputSchema>;

/** zod issues as `{ "recipient.email": ["must be an email address"] }`. */
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
