import { z } from 'zod';
import { IDEMPOTENCY_RULE, type Operation, operations } from './operations';
import { problemSchema } from './schemas';

type JsonSchema = Record<string, unknown>;
type Registry = ReturnType<typeof z.registry<{ id: string }>>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid; `errors` names each bad field.',
  401: 'The API key is missing, unknown or revoked.',
  404: 'Nothing with this id belongs to your issuer.',
  409: 'The request conflicts with the current state.',
  422: 'This Idempotency-Key was already used with a different request (method, path or body).',
  413: 'The request body is larger than this operation takes; `detail` names the limit.',
  415: 'The body is neither JSON nor multipart/form-data.',
  429: 'Too many requests for this API key this minute; retry after Retry-After seconds.',
};
const PUBLIC_LIMITED =
  'Too many requests from your network (or for one target host); retry after Retry-After seconds.';
const IN_PROGRESS =
  'A request with the same Idempotency-Key is still running; retry after Retry-After seconds.';

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** Components from a registry, with refs between them; JSON Schema's `$schema`/`$id` do not belong inside OpenAPI. */
function components(registry: Registry, io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
}

function queryParameters(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: property,
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const retryAfter = (description: string) => ({
  headers: { 'Retry-After': { description, schema: { type: 'integer' } } },
});

function problemResponse(op: Operation, status: number) {
  // On a POST, 409 also means "the first request with this Idempotency-Key is still running".
  const isInProgress = op.method === 'post' && status === 409;
  const described = op.isPublic && status === 429 ? PUBLIC_LIMITED : (ERROR_DESCRIPTIONS[status] ?? 'Error');
  return {
    description: isInProgress
      ? op.errors.includes(409)
        ? `${described} Or: ${IN_PROGRESS}`
        : IN_PROGRESS
      : described,
    ...(status === 429 ? retryAfter('Seconds until the window ends.') : {}),
    ...(isInProgress ? retryAfter('Seconds to wait before asking again.') : {}),
    content: { 'application/problem+json': { schema: ref('Problem') } },
  };
}

/**
 * An operation's own errors, those any call can get, and on a POST the Idempotency-Key ones; a
 * public operation has no key to be refused and takes no Idempotency-Key.
 */
function problemResponses(op: Operation) {
  const common = op.isPublic ? [429] : [401, 429, ...(op.method === 'post' ? [409, 422] : [])];
  const statuses = new Set<number>([...op.errors, ...common]);
  return Object.fromEntries(
    [...statuses].sort((a, b) => a - b).map((status) => [status, problemResponse(op, status)]),
  );
}

/** JSON, and for an operation that takes an upload, multipart/form-data with its file field. */
function requestContent(op: Operation, bodyName: string) {
  const file = op.multipartFile;
  return {
    'application/json': { schema: ref(bodyName) },
    ...(file
      ? {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: [file.name],
              properties: {
                [file.name]: {
                  type: 'string',
                  contentMediaType: 'application/octet-stream',
                  description: file.description,
                },
              },
            },
          },
        }
      : {}),
  };
}

const REPLAYED_HEADER = {
  'Idempotent-Replayed': {
    description: 'true when this is the stored answer to an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
};

/** The OpenAPI 3.1 document of the issuer API, generated from the schemas the routes validate with. */
export function openApiDocument(appUrl: string) {
  const inputs = z.registry<{ id: string }>();
  const outputs = z.registry<{ id: string }>();
  outputs.add(problemSchema, { id: 'Problem' });
  const paths: Record<string, Record<string, unknown>> = {};

  for (const [operationId, op] of Object.entries(operations) as [string, Operation][]) {
    const body = op.documentedBody ?? op.body;
    const bodyName = `${pascal(operationId)}Request`;
    if (body) inputs.add(body, { id: bodyName });
    if (!outputs.has(op.response.schema)) outputs.add(op.response.schema, { id: op.response.name });
    const parameters = [
      ...(op.path.includes('{id}')
        ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]
        : []),
      ...(op.query ? queryParameters(op.query) : []),
      ...(op.method === 'post' && !op.isPublic
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: op.idempotency ? `${IDEMPOTENCY_RULE} ${op.idempotency}` : IDEMPOTENCY_RULE,
              schema: { type: 'string', maxLength: 200 },
            },
          ]
        : []),
    ];
    const path = paths[op.path] ?? {};
    paths[op.path] = path;
    path[op.method] = {
      operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.isPublic ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: requestContent(op, bodyName) } } : {}),
      responses: {
        [op.response.status]: {
          description: op.response.description,
          ...(op.method === 'post' && !op.isPublic ? { headers: REPLAYED_HEADER } : {}),
          content: { 'application/json': { schema: ref(op.response.name) } },
        },
        ...problemResponses(op),
      },
    };
  }

  return {
    openapi: '3.1.1',
    info: {
      title: 'Laurel issuer API',
      version: '1.0.0',
      description:
        'Award and manage open badges, and verify any open badge. Authenticate with an issuer API key as a bearer token (except the public POST /verify). Errors are RFC 9457 problem+json. Each key may make API_RATE_LIMIT_PER_MINUTE requests a minute (600 by default); RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset say where a key stands. Every POST takes an optional Idempotency-Key header: retry a POST with the same key and you get the first answer back (Idempotent-Replayed: true) instead of a second award or email; see the header on each operation.',
    },
    servers: [{ url: `${appUrl}/api/v1` }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Templates', description: 'Badge templates: what you award.' },
      { name: 'Awards', description: 'Badges awarded to recipients.' },
      { name: 'Verify', description: 'Public badge verification: no API key needed.' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An issuer API key (lrl_…).' },
      },
      schemas: { ...components(outputs, 'output'), ...components(inputs, 'input') },
    },
  };
}
