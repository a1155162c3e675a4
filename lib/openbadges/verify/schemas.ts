import { z } from 'zod';
import { isIdentityHash } from '@/lib/openbadges/ob2/identity';
import { isDateTime } from './dates';
import { isRecord } from './fetch-json';
import { isDataUri, isHttpUrl, isIri, isText } from './values';

/*
 * The properties the reference validator requires and the value types it checks, class by class
 * (1EdTech digital-credentials-public-validator, Assertion.java validationMap). Unknown properties
 * are allowed: they are extensions or simply not part of the badge.
 */

const manyOf = (test: (value: unknown) => boolean) => (value: unknown) =>
  (Array.isArray(value) ? value : [value]).every(test);

const check = <T = unknown>(test: (value: unknown) => boolean, message: string) => z.custom<T>(test, message);

const text = check<string>(isText, 'must be text');
const iri = check<string>(isIri, 'must be a web address or a urn:uuid');
const url = check<string>(isHttpUrl, 'must be a web address');
const dateTime = check<string>(
  isDateTime,
  'must be a date and time with a time zone, like 2016-12-31T23:59:59Z',
);
const email = check<string>(
  (value) => isText(value) && /^[^@\s]+@[^@\s]+$/.test(value),
  'must be an email address',
);
const link = check((value) => isIri(value) || isRecord(value), 'must be a web address or an embedded object');

const imageIn = (allowData: boolean) => (value: unknown) => {
  const id = isRecord(value) ? value.id : value;
  return isHttpUrl(id) || (allowData && isDataUri(id));
};
const criteria = (value: unknown) =>
  isIri(value) ||
  (isRecord(value) &&
    (value.id === undefined || isIri(value.id)) &&
    (value.narrative === undefined || isText(value.narrative)));
const alignment = (value: unknown) =>
  isIri(value) || (isRecord(value) && isText(value.targetName) && isHttpUrl(value.targetUrl));
const evidence = (value: unknown) =>
  isIri(value) || (isRecord(value) && (value.id === undefined || isIri(value.id)));
const host = (value: unknown) => isText(value) && /^[a-z0-9.-]+(:\d+)?$/i.test(value);

const VERIFICATION_TYPES = ['hosted', 'HostedBadge', 'signed', 'SignedBadge'];

const identityObject = z
  .looseObject({
    type: check(
      (value) => isText(value) && ['email', 'url', 'telephone', 'id'].includes(value),
      'must be email, url, telephone or id',
    ),
    identity: text,
    hashed: check<boolean>((value) => typeof value === 'boolean', 'must be true or false'),
    salt: text.optional(),
  })
  .superRefine((recipient, ctx) => {
    if (recipient.hashed && !isIdentityHash(recipient.identity)) {
      ctx.addIssue({
        code: 'custom',
        path: ['identity'],
        message: 'must be a sha256$… or md5$… hash, since hashed is true',
      });
    }
  });

export const assertionSchema = z.looseObject({
  id: iri,
  recipient: identityObject,
  badge: link,
  verification: z.looseObject({
    type: check(
      (value) => isText(value) && VERIFICATION_TYPES.includes(value),
      'must be HostedBadge or SignedBadge',
    ),
    creator: url.optional(),
  }),
  issuedOn: dateTime,
  expires: dateTime.optional(),
  image: check(
    imageIn(false),
    'must link to an image on the web: a data: URI image is not allowed on an awarded badge',
  ).optional(),
  narrative: text.optional(),
  evidence: check(manyOf(evidence), 'must be web addresses or evidence objects').optional(),
});

export const badgeClassSchema = z.looseObject({
  id: iri,
  name: text,
  description: text,
  image: check(imageIn(true), 'must be a web address or data: URI of an image').optional(),
  criteria: check(criteria, 'must be a web address or a criteria object'),
  issuer: link,
  alignment: check(manyOf(alignment), 'must have a targetName and a targetUrl').optional(),
  tags: check(manyOf(isText), 'must be text').optional(),
});

export const profileSchema = z.looseObject({
  id: iri,
  name: text,
  url,
  email,
  description: text.optional(),
  image: check(imageIn(true), 'must be a web address or data: URI of an image').optional(),
  // The validator wants E.164; real profiles write numbers many ways and nothing depends on it.
  telephone: text.optional(),
  publicKey: check(
    manyOf((value) => isIri(value) || isRecord(value)),
    'must be web addresses of keys',
  ).optional(),
  verification: z
    .looseObject({
      verificationProperty: check((value) => value === 'id' || isIri(value), 'must be id').optional(),
      startsWith: check(manyOf(isHttpUrl), 'must be web addresses').optional(),
      allowedOrigins: check(manyOf(host), 'must be host names like example.org').optional(),
    })
    .optional(),
  revocationList: iri.optional(),
});

export const alignmentSchema = z.looseObject({ targetName: text, targetUrl: url });

export const keySchema = z.looseObject({ publicKeyPem: text, owner: iri.optional() });

export const revocationListSchema = z.looseObject({
  revokedAssertions: check(
    manyOf((entry) => isText(entry) || isRecord(entry)),
    'must list assertion ids or objects with an id',
  ).optional(),
});

function valueAt(node: unknown, path: readonly PropertyKey[]): unknown {
  let at = node;
  for (const part of path) {
    if (Array.isArray(at) && typeof part === 'number') at = at[part];
    else if (isRecord(at) && typeof part === 'string') at = at[part];
    else return undefined;
  }
  return at;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
}

/** What is wrong with `node` for `schema`, as short phrases: "issuedOn is missing". */
export function problemsOf(schema: z.ZodType, node: Record<string, unknown>): string[] {
  const result = schema.safeParse(node);
  if (result.success) return [];
  return result.error.issues.map((issue) =>
    valueAt(node, issue.path) === undefined
      ? `${pathText(issue.path)} is missing`
      : `${pathText(issue.path)} ${issue.message}`,
  );
}
