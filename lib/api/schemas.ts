import { z } from 'zod';
import { awardState } from '@/db/schema';
import { BULK_AWARD_MAX } from '@/lib/awards/bulk-create';
import type { PresentedAward } from '@/lib/awards/present';
import { templateResponseSchema } from '@/lib/issuers/templates';

/** Response bodies of the issuer API. Requests are validated by the domain's own schemas. */

export const fieldErrorsSchema = z.array(
  z
    .object({ field: z.string(), messages: z.array(z.string()) })
    .meta({ description: 'One bad field and why.' }),
);

/** RFC 9457 problem details, as lib/api/problem.ts writes them. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: fieldErrorsSchema.optional(),
  requestId: z.string().optional().meta({
    description: "The request's X-Request-Id (also sent as that header): quote it when reporting a problem.",
  }),
});

const timestamp = z.iso.datetime();

/** An award as presentAward shows it; the type check below keeps the two in step. */
export const awardSchema = z.object({
  id: z.uuid(),
  state: z.enum(awardState.enumValues),
  templateId: z.uuid(),
  recipient: z.object({ email: z.string(), name: z.string() }),
  issuedAt: timestamp,
  expiresAt: timestamp.nullable(),
  evidence: z.array(z.object({ url: z.string().optional(), narrative: z.string().optional() })),
  decidedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  revocationReason: z.string().nullable(),
  createdAt: timestamp,
  publicUrl: z.url(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Fails to compile when presentAward and the documented award drift apart.
const awardSchemaMatchesPresenter: Same<z.output<typeof awardSchema>, PresentedAward> = true;
void awardSchemaMatchesPresenter;

export const templateSchema = templateResponseSchema;
export const templateListSchema = z.object({ data: z.array(templateSchema) });

export const awardListSchema = z.object({
  data: z.array(awardSchema),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
});

export const bulkResultSchema = z.object({
  index: z.number().int().min(0).meta({ description: 'The item’s place in the request, from 0.' }),
  status: z.literal([201, 400, 404, 409]),
  award: awardSchema.optional().meta({ description: 'The award, for status 201.' }),
  detail: z.string().optional(),
  errors: fieldErrorsSchema.optional(),
});

export const bulkResponseSchema = z.object({
  results: z.array(bulkResultSchema).max(BULK_AWARD_MAX),
  summary: z.object({ total: z.number().int(), created: z.number().int(), failed: z.number().int() }),
});

/** `{ "a.b": ["…"] }` as the problem+json `errors` list. */
export function fieldErrorList(errors: Record<string, string[]>): z.output<typeof fieldErrorsSchema> {
  return Object.entries(errors).map(([field, messages]) => ({ field, messages }));
}
