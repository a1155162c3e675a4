import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { presentAward } from '@/lib/awards/present';
import { makeAward, makeIssuer, testConfig } from '@/test/factories';
import { openApiDocument } from './openapi';
import { IDEMPOTENCY_RULE, operations } from './operations';
import { awardSchema } from './schemas';

const API_DIR = path.join(process.cwd(), 'app', 'api', 'v1');

/** "METHOD /path" for every handler exported by a route file under app/api/v1. */
function implementedOperations(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const route = `/${path.relative(API_DIR, dir).split(path.sep).join('/')}`.replace(
          /\[(\w+)\]/g,
          '{$1}',
        );
        const source = readFileSync(full, 'utf8');
        for (const [, method] of source.matchAll(
          /export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g,
        )) {
          found.push(`${method} ${route}`);
        }
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument('https://laurel.example'));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents exactly the routes that exist (the document itself aside)', () => {
    const documented = Object.values(operations)
      .map((op) => `${op.method.toUpperCase()} ${op.path}`)
      .sort();
    expect(implementedOperations()).toEqual([...documented, 'GET /openapi.json'].sort());
  });

  it('describes request bodies from the validating schemas, every field and limit included', () => {
    const doc = openApiDocument('https://laurel.example');
    const schemas = doc.components.schemas as Record<
      string,
      { properties?: Record<string, unknown>; required?: string[] }
    >;
    expect(schemas.CreateTemplateRequest?.required).toEqual([
      'name',
      'description',
      'criteria',
      'skills',
      'image',
    ]);
    expect(schemas.CreateTemplateRequest?.properties?.name).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 120,
    });
    expect(schemas.CreateAwardRequest?.properties).toHaveProperty('recipient');
    expect(schemas.BulkCreateAwardsRequest?.properties?.awards).toMatchObject({
      maxItems: 1000,
      items: { $ref: '#/components/schemas/CreateAwardRequest' },
    });
    const listAwards = doc.paths['/awards']?.get as { parameters: { name: string }[] };
    expect(listAwards.parameters.map((p) => p.name)).toEqual([
      'templateId',
      'state',
      'email',
      'emailContains',
      'cursor',
      'limit',
    ]);
  });

  it('tells integrators the Idempotency-Key rule on every issuer POST, with its 409 and 422', () => {
    const doc = openApiDocument('https://laurel.example');
    const posts = Object.values(doc.paths).flatMap((methods) =>
      methods.post && !('security' in (methods.post as object)) ? [methods.post] : [],
    );
    expect(posts).toHaveLength(6);
    for (const post of posts as {
      parameters: { name: string; description: string }[];
      responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
    }[]) {
      const header = post.parameters.find((p) => p.name === 'Idempotency-Key');
      expect(header?.description).toContain(IDEMPOTENCY_RULE);
      expect(post.responses['422']?.description).toMatch(/already used with a different request/);
      expect(post.responses['409']?.description).toMatch(/still running/);
      expect(post.responses['409']?.headers).toHaveProperty('Retry-After');
    }
  });

  it('documents the public verifier without a security requirement, key errors or Idempotency-Key', () => {
    const doc = openApiDocument('https://laurel.example');
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    const verify = doc.paths['/verify']?.post as {
      security: unknown[];
      parameters?: unknown[];
      requestBody: { content: Record<string, { schema: Record<string, unknown> }> };
      responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
    };
    expect(verify.security).toEqual([]);
    expect(verify.parameters).toBeUndefined();
    expect(Object.keys(verify.responses).sort()).toEqual(['200', '400', '413', '415', '429']);
    expect(verify.responses['429']?.description).toMatch(/your network/);
    expect(verify.responses['429']?.headers).toHaveProperty('Retry-After');
    expect(Object.keys(verify.requestBody.content)).toEqual(['application/json', 'multipart/form-data']);
    expect(verify.requestBody.content['multipart/form-data']?.schema).toMatchObject({ required: ['file'] });
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas.VerifyBadgeRequest?.properties ?? {})).toEqual(['url', 'json', 'jwt']);
    expect(Object.keys(schemas.VerificationReport?.properties ?? {})).toEqual([
      'verdict',
      'checks',
      'unreachable',
      'badge',
      'checkedAt',
    ]);
  });

  it('describes awards as the API presents them', async () => {
    const db = await getDb();
    const { award } = await makeAward(db, await makeIssuer(db), {
      evidence: [{ url: 'https://labs.example/work/1' }],
    });
    expect(awardSchema.parse(presentAward(award, testConfig.appUrl))).toEqual(
      presentAward(award, testConfig.appUrl),
    );
  });
});
