import type { VerifyContext } from './context';
import { isRecord } from './fetch-json';
import { sameUrl } from './links';

/*
 * A baked image is a snapshot; the hosted copy is the truth (spec: the input only identifies the
 * URL to fetch). The file must be a copy of the same award: the same id, recipient, badge, issue
 * and expiry dates. Other properties (evidence, narrative, image) may have been updated by the
 * issuer since the image was made; the report then shows the issuer's current copy.
 */

const CLAIM = ['recipient', 'badge', 'issuedOn', 'expires'] as const;

const claimWords: Record<(typeof CLAIM)[number], string> = {
  recipient: 'the recipient',
  badge: 'the badge',
  issuedOn: 'the issue date',
  expires: 'the expiry date',
};

/** JSON with sorted keys, so that key order does not count as a difference. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const badgeId = (badge: unknown) => (isRecord(badge) ? badge.id : badge);

function differs(field: (typeof CLAIM)[number], baked: unknown, hosted: unknown): boolean {
  if (field === 'badge') return canonical(badgeId(baked)) !== canonical(badgeId(hosted));
  if (field === 'issuedOn' || field === 'expires') {
    return typeof baked === 'string' && typeof hosted === 'string'
      ? Date.parse(baked) !== Date.parse(hosted)
      : baked !== hosted;
  }
  return canonical(baked) !== canonical(hosted);
}

export function compareBaked(
  ctx: VerifyContext,
  baked: Record<string, unknown>,
  hosted: Record<string, unknown>,
): void {
  const label = "The image does not match the issuer's copy";
  const hostedId = String(hosted.id);
  if (typeof baked.id !== 'string' || !sameUrl(baked.id, hostedId)) {
    ctx.checks.fail(
      'baked-match',
      label,
      `The image holds the badge ${String(baked.id)}, but the issuer's copy is ${hostedId}.`,
    );
    return;
  }
  const changed = CLAIM.filter((field) => differs(field, baked[field], hosted[field]));
  if (changed.length > 0) {
    const list = changed.map((field) => claimWords[field]).join(', ');
    ctx.checks.fail(
      'baked-match',
      label,
      `The badge in the image differs from the one at ${hostedId} in ${list}.`,
    );
    return;
  }
  const isIdentical = canonical(baked) === canonical(hosted);
  ctx.checks.pass(
    'baked-match',
    "The image matches the issuer's copy",
    isIdentical
      ? `The badge in the image is the one published at ${hostedId}.`
      : `The badge in the image is the one published at ${hostedId}; the issuer has since updated some details, shown here as published.`,
  );
}
