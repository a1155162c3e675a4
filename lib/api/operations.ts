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

export type Operation = {
  method: 'get' | 'post' | 'patch';
  /** OpenAPI path under /api/v1, with `{id}` for the path parameter. */
  path: string;
  summary: string;
  description?: string;
  tag: 'Templates' | 'Awards';
  /** The schema the route parses the query string with. */
  query?: z.ZodType;
  /** The schema the route parses the body with. */
  body?: z.ZodType;
  /** Documents the body instead of `body`, when the route validates parts of it separately. */
  documentedBody?: z.ZodType;
  /** What a repeated Idempotency-Key does on this POST. */
  idempotency?: string;
  response: { status: 200 | 201; name: string; schema: z.ZodType; description: string };
  errors: readonly (400 | 404 | 409)[];
};

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
      'Template names are unique per issuer. A retry with an Idempotency-Key whose body is identical to the template already created answers 201 with it (Idempotent-Replayed: true); any other request for a name in use is 409.',
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
    idempotency: 'Archiving is idempotent: archiving again answers 200 with the template as first archived.',
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
      'A retry with the same key and body answers 201 with the first award and sends no email (Idempotent-Replayed: true); the same key with another body is 409.',
    response: { status: 201, name: 'Award', schema: awardSchema, description: 'The new award.' },
    errors: [400, 404, 409],
  },
  bulkCreateAwards: {
    method: 'post',
    path: '/awards/bulk',
    tag: 'Awards',
    summary: 'Award up to 1,000 badges in one call',
    description:
      'Each item is validated and created on its own; the response has a result per item, in request order, with its own status (201, 400, 404 or 409).',
    body: bulkAwardEnvelopeSchema,
    documentedBody: bulkAwardRequestSchema,
    idempotency:
      'Each item is created with a key derived from this one and its index: a retry replays the items already created (no second email) and creates the rest; an item whose body changed is that item’s 409.',
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
    description: 'The reason is shown on every public surface of the badge.',
    body: revokeInputSchema,
    idempotency: 'Revoking is idempotent: revoking again answers 200 with the first revocation.',
    response: { status: 200, name: 'Award', schema: awardSchema, description: 'The revoked award.' },
    errors: [400, 404],
  },
  resendClaim: {
    method: 'post',
    path: '/awards/{id}/resend',
    tag: 'Awards',
    summary: 'Resend a pending award’s claim email',
    description: 'Sends a new claim link; earlier links stop working. Only pending awards (409 otherwise).',
    idempotency:
      'A retry with the same key for the same award answers 200 with the award and sends nothing (Idempotent-Replayed: true).',
    response: { status: 200, name: 'Award', schema: awardSchema, description: 'The award, email queued.' },
    errors: [404, 409],
  },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;
