import { z } from 'zod';
import type { VerificationReport } from '@/lib/openbadges/verify/types';

/** Pasted JSON or a compact JWS/JWT: what no badge exceeds. */
export const MAX_VERIFY_TEXT_BYTES = 1024 * 1024;
/** A baked PNG or SVG, as on the /verify page. */
export const MAX_VERIFY_FILE_BYTES = 5 * 1024 * 1024;

const oneOf = ['url', 'json', 'jwt'] as const;

/** The JSON body of POST /api/v1/verify: exactly one of a URL, the badge's JSON, or a JWT. */
export const verifyRequestSchema = z
  .object({
    url: z
      .string({ message: 'must be a string' })
      .trim()
      .max(4096, 'is too long to be a badge URL')
      .regex(/^https?:\/\/\S+$/i, 'must be a web address starting with https:// or http://')
      .optional()
      .meta({
        description: 'Where the badge is hosted (an OB 2.0 hosted assertion or an OB 3.0 credential URL).',
      }),
    json: z
      .union([z.string().trim().min(1, 'is empty'), z.record(z.string(), z.unknown())], {
        message: 'must be the badge as JSON text or as a JSON object',
      })
      .optional()
      .meta({ description: 'The badge itself: its JSON as a string, or as an object.' }),
    jwt: z
      .string({ message: 'must be a string' })
      .trim()
      .regex(
        /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/,
        'must be a compact JWS (three base64url parts)',
      )
      .optional()
      .meta({
        description: 'A signed badge as a compact JWS: an OB 2.0 signed assertion or an OB 3.0 VC-JWT.',
      }),
  })
  .strict()
  .superRefine((body, ctx) => {
    const given = oneOf.filter((key) => body[key] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: given.length === 0 ? ['(body)'] : [given[1] ?? '(body)'],
        message:
          given.length === 0
            ? 'give one of url, json or jwt'
            : `give only one of url, json or jwt, not ${given.join(' and ')}`,
      });
    }
  })
  .meta({ description: 'Exactly one of url, json or jwt.' });

export type VerifyRequest = z.output<typeof verifyRequestSchema>;

const checkSchema = z.object({
  id: z.string().meta({ description: "Stable id, e.g. 'signature', 'revoked', 'expiry'." }),
  label: z.string().meta({ description: 'What was checked, in plain words.' }),
  status: z.enum(['pass', 'fail', 'warn', 'skip', 'unknown']).meta({
    description: "'unknown': it could not be checked because a host was unreachable.",
  }),
  detail: z.string().meta({ description: 'Why it passed, failed, was skipped or could not be checked.' }),
});

/** The verification report, as lib/openbadges/verify returns it. */
export const verificationReportSchema = z.object({
  verdict: z.enum(['valid', 'warning', 'invalid', 'unknown']).meta({
    description:
      "The one-word answer: 'valid' (verified), 'warning' (verified with warnings), 'invalid' (not verified, the failed checks say why) or 'unknown' (could not check: `unreachable` names the hosts that were down).",
  }),
  checks: z.array(checkSchema),
  unreachable: z.array(z.string()).optional().meta({ description: 'Hosts that could not be reached.' }),
  badge: z
    .object({
      assertionId: z.string().optional(),
      name: z.string().optional(),
      description: z.string().optional(),
      image: z.string().optional(),
      issuerName: z.string().optional(),
      issuerUrl: z.string().optional(),
      issuedOn: z.string().optional(),
      expires: z.string().optional(),
      revocationReason: z.string().optional(),
    })
    .catchall(z.unknown())
    .optional()
    .meta({ description: 'What was verified, for display; absent when nothing could be read.' }),
  checkedAt: z.string(),
});

// The schema documents the report; the verifier's own type decides it, so the two must agree.
type Documented = z.input<typeof verificationReportSchema>;
const _reportFits = (report: VerificationReport): Documented => report;
void _reportFits;
