import { z } from 'zod';
import { awardInputSchema } from '@/lib/awards/award-input';
import { bulkAwardEnvelopeSchema, bulkAwardRequestSchema } from '@/lib/awards/bulk-create';
import { awardListQuerySchema } from '@/lib/awards/list-awards';
import { revokeInputSchema } from '@/lib/awards/revoke-award';
import { templateCreateSchema, templateUpdateSchema } from '@/lib/issuers/templates';
import {
  awardListSchema,
  awardSchema,
  bulkResponseSchema,
  templateListSchema,
  templateSchema,
} from './schemas';
import { verificationReportSchema, verifyRequestSchema } from './verify-schemas';

export type Operation = {
  method: 'get' | 'post' | 'patch';
  /** OpenAPI path under /api/v1, with `{id}` for the path parameter. */
  path: string;
  summary: string;
  description?: string;
  tag: 'Templates' | 'Awards' | 'Verify';
  /** Open to anyone, without an API key: no security requirement, limited per client, no Idempotency-Key. */
  isPublic?: boolean;
  /** Also accepts multipart/form-data with one file field, described here. */
  multipartFile?: { name: string; description: string };
  /** The schema the route parses the query string with. */
  query?: z.ZodType;
  /** The schema the route parses the body with. */
  body?: z.ZodType;
  /** Documents the body instead of `body`, when the route validates parts of it separately. */
  documentedBody?: z.ZodType;
  /** What this POST adds to IDEMPOTENCY_RULE: the domain's own guards, which outlive the 24 hours. */
  idempotency?: string;
  response: { status: 200 | 201; name: string; schema: z.ZodType; description: string };
  errors: readonly (400 | 404 | 409 | 413 | 415)[];
};

/** The Idempotency-Key rule every POST follows (lib/api/idempotency.ts). */
export const IDEMPOTENCY_RULE =
  'Optional, at most 200 characters, scoped to your issuer and remembered for 24 hours. A retry with the same key, method, path and body is not run again: it gets the first answer (same status and body, Location included) with Idempotent-Replayed: true. The same key with a different request is 422. While the first request is still running, a retry is 409 with Retry-After. Answers with status 400 (nothing ran), 429 or 5xx are not remembered: fix or retry those with the same key.';

export const templateListQuerySchema = z
  .object({
    includeArchived: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .optional()
      .meta({ description: 'Also list archived templates (default false).' }),
  })
  .strict();

/**
 * Every operation of the issuer API. Routes parse with these very schemas and the OpenAPI
 * document is generated from them, so the two cannot disagree.
 */
export const operations = {
  listTemplates: {
    method: 'get',
    path: '/templates',
    tag: 'Templates',
    summary: 'List your badge templates',
    description: 'Active templates by name; archived ones too with includeArchived=true.',
    query: templateListQuerySchema,
    response: {
      status: 200,
      name: 'TemplateList',
      schema: templateListSchema,
      description: 'Your templates.',
    },
    errors: [400],
  },
  createTemplate: {
    method: 'post',
    path: '/templates',
    tag: 'Templates',
    summary: 'Create a badge template',
    description:
      'The image is a PNG or SVG file encoded as base64: square, at least 300×300, at most 2 MB. SVGs are stored sanitised (no script, event handlers, foreignObject or external references).',
    body: templateCreateSchema,
    idempotency:
      'Template names are unique per issuer: with any Idempotency-Key, even past 24 hours, a body identical to a template you already have (same fields and image) answers 201 with it (Idempotent-Replayed: true); any other request for a name in use is 409.',
    response: { status: 201, name: 'Template', schema: templateSchema, description: 'The new template.' },
    errors: [400, 409],
  },
  getTemplate: {
    method: 'get',
    path: '/templates/{id}',
    tag: 'Templates',
    summary: 'Get one of your templates',
    response: { status: 200, name: 'Template', schema: templateSchema, description: 'The template.' },
    errors: [404],
  },
  updateTemplate: {
    method: 'patch',
    path: '/templates/{id}',
    tag: 'Templates',
    summary: 'Change a template',
    description:
      'Send only the fields to change; criteria, skills and alignments are replaced whole. Awards already made show the change. Archived templates cannot change (409).',
    body: templateUpdateSchema,
    response: { status: 200, name: 'Template', schema: templateSchema, description: 'The changed template.' },
    errors: [400, 404, 409],
  },
  archiveTemplate: {
    method: 'post',
    path: '/templates/{id}/archive',
    tag: 'Templates',
    summary: 'Archive a template',
    description: 'Nothing more can be awarded from it; awards already made stay valid.',
    idempotency:
      'Archiving is idempotent by itself: archiving again, with any key or none, answers 200 with the template as first archived.',
    response: {
      status: 200,
      name: 'Template',
      schema: templateSchema,
      description: 'The archived template.',
    },
    errors: [404],
  },
  listAwards: {
    method: 'get',
    path: '/awards',
    tag: 'Awards',
    summary: 'List your awards',
    description:
      'Newest first, in pages. `state` revoked means revokedAt is set; expired means not revoked and expiresAt has passed; pending, accepted, declined and opted_out are awards in that state that are neither revoked nor expired.',
    query: awardListQuerySchema,
    response: { status: 200, name: 'AwardList', schema: awardListSchema, description: 'One page of awards.' },
    errors: [400],
  },
  createAward: {
    method: 'post',
    path: '/awards',
    tag: 'Awards',
    summary: 'Award a badge',
    description: 'Creates a pending award and emails the recipient a claim link.',
    body: awardInputSchema,
    idempotency:
      'The award keeps its key for good: past 24 hours, the same key and body still answer 201 with the first award and send no email (Idempotent-Replayed: true), and the key with another body is 409.',
    response: { status: 201, name: 'Award', schema: awardSchema, description: 'The new award.' },
    errors: [400, 404, 409],
  },
  bulkCreateAwards: {
    method: 'post',
    path: '/awards/bulk',
    tag: 'Awards',
    summary: 'Award up to 1,000 badges in one call',
    description:
      'Each item is validated on its own, so one bad item does not stop the others, and the valid ones are created together in one transaction; the response has a result per item, in request order, with its own status (201, 400, 404 or 409).',
    body: bulkAwardEnvelopeSchema,
    documentedBody: bulkAwardRequestSchema,
    idempotency:
      'Each item is also created with a key derived from this one and its index, kept for good: a retry after a 5xx, or past 24 hours, replays the items already created (no second email) and creates the rest; an item whose body changed is that item’s 409.',
    response: {
      status: 200,
      name: 'BulkAwardResult',
      schema: bulkResponseSchema,
      description: 'A result per item.',
    },
    errors: [400],
  },
  getAward: {
    method: 'get',
    path: '/awards/{id}',
    tag: 'Awards',
    summary: 'Get one of your awards',
    response: { status: 200, name: 'Award', schema: awardSchema, description: 'The award.' },
    errors: [404],
  },
  revokeAward: {
    method: 'post',
    path: '/awards/{id}/revoke',
    tag: 'Awards',
    summary: 'Revoke an award',
    description:
      'The reason is shown on every public surface of the badge. With `notifyRecipient: true` the recipient is also emailed which badge was revoked and why, unless they opted out of achievements.',
    body: revokeInputSchema,
    idempotency:
      'Revoking is idempotent: revoking again answers 200 with the first revocation and emails no one.',
    response: { status: 200, name: 'Award', schema: awardSchema, description: 'The revoked award.' },
    errors: [400, 404],
  },
  resendClaim: {
    method: 'post',
    path: '/awards/{id}/resend',
    tag: 'Awards',
    summary: 'Resend a pending award’s claim email',
    description:
      'Sends a new claim link; earlier links stop working. Only pending awards, and never to a learner who has opted out of achievements (409 otherwise, the reason in `detail`).',
    idempotency:
      'The award remembers the key: past 24 hours, a retry with the same key for the same award still answers 200 with the award and sends nothing (Idempotent-Replayed: true).',
    response: { status: 200, name: 'Award', schema: awardSchema, description: 'The award, email queued.' },
    errors: [404, 409],
  },
  verifyBadge: {
    method: 'post',
    path: '/verify',
    tag: 'Verify',
    isPublic: true,
    summary: 'Verify any open badge',
    description:
      'Public: no API key. Verifies an Open Badges 2.0 or 3.0 badge the way the /verify page does and answers the report: one verdict and the plain-language checks behind it. Send JSON with exactly one of `url`, `json` or `jwt`, or upload a baked PNG or SVG as multipart/form-data in the field `file` (at most 5 MB). Limited per client to 30 verifications in 10 minutes by default (set by VERIFY_RATE_LIMIT_PER_10_MINUTES on the server; and per target host for URLs), shared with the /verify page; past it, 429 with Retry-After. Any origin may call it (CORS), without credentials.',
    body: verifyRequestSchema,
    multipartFile: { name: 'file', description: 'A baked badge image: PNG or SVG, at most 5 MB.' },
    response: {
      status: 200,
      name: 'VerificationReport',
      schema: verificationReportSchema,
      description: 'The verification report (also when the verdict is that the badge is not valid).',
    },
    errors: [400, 413, 415],
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
