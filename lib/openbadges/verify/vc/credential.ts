import { CheckList, verdictOf } from '../checks';
import type { VerifyContext } from '../context';
import { isRecord } from '../fetch-json';
import { imageUrl } from '../issuer';
import { JWS_PATTERN } from '../jws';
import type { Check, CheckStatus } from '../types';
import { checkValidity } from './dates';
import { asList, idOf, vcVersion } from './detect';
import { readVcJwt } from './jwt';
import { checkEmbeddedProof, type ProofOutcome } from './proof';
import { checkVcRecipient, subjectIdentities } from './recipient';
import { type CredentialKind, checkShape } from './shape';
import { checkVcStatus } from './status';

/** CLRs nest credentials; nesting deeper than this is abuse, not a transcript. */
const MAX_NESTED = 50;

function summarise(ctx: VerifyContext, credential: Record<string, unknown>): void {
  const issuer = credential.issuer;
  const subject = isRecord(credential.credentialSubject) ? credential.credentialSubject : {};
  const achievement = isRecord(subject.achievement) ? subject.achievement : {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  const id = idOf(credential.id);
  if (id) ctx.badge.assertionId = id;
  ctx.badge.name = text(credential.name) ?? text(achievement.name) ?? ctx.badge.name;
  ctx.badge.description =
    text(achievement.description) ?? text(credential.description) ?? ctx.badge.description;
  ctx.badge.image = imageUrl(achievement.image) ?? imageUrl(credential.image) ?? ctx.badge.image;
  if (isRecord(issuer)) {
    ctx.badge.issuerName = text(issuer.name) ?? ctx.badge.issuerName;
    ctx.badge.issuerUrl = text(issuer.url) ?? ctx.badge.issuerUrl;
  }
}

/** The key that signed must be controlled by the issuer: otherwise anyone could sign in its name. */
function checkKeyOwner(ctx: VerifyContext, outcome: ProofOutcome, issuerId: string | undefined): void {
  if (!outcome.controller || !issuerId) return;
  if (outcome.controller === issuerId) {
    ctx.checks.pass(
      'issuer-key',
      'The key belongs to the issuer',
      `${outcome.keyId ?? 'The key'} is controlled by ${issuerId}.`,
    );
  } else {
    ctx.checks.fail(
      'issuer-key',
      "The key is not the issuer's",
      `It was signed with a key controlled by ${outcome.controller}, but it names ${issuerId} as its issuer.`,
    );
  }
}

const statusWords: Record<CheckStatus, string> = {
  pass: 'verified',
  warn: 'verified, with a warning',
  fail: 'not verified',
  unknown: 'could not be checked',
  skip: 'not checked',
};
const verdictStatus = { valid: 'pass', warning: 'warn', invalid: 'fail', unknown: 'unknown' } as const;

/**
 * A CLR's nested credentials, each verified with its own checks, then summarised in one line
 * each: the outer report stays readable, and any nested failure makes the CLR not verified.
 */
async function verifyNested(ctx: VerifyContext, subject: unknown): Promise<void> {
  const nested = isRecord(subject) ? asList(subject.verifiableCredential) : [];
  for (const [index, item] of nested.slice(0, MAX_NESTED).entries()) {
    const inner: VerifyContext = { ...ctx, checks: new CheckList(), badge: {} };
    await verifyCredentialValue(inner, item);
    const verdict = verdictOf(inner.checks.items);
    const troubles = inner.checks.items.filter((check: Check) =>
      ['fail', 'unknown', 'warn'].includes(check.status),
    );
    const name = inner.badge.name ?? `credential ${index + 1}`;
    const status = verdictStatus[verdict];
    ctx.checks.add({
      id: `nested-${index + 1}`,
      label: `Included credential ${index + 1}, ${name}: ${statusWords[status]}`,
      status,
      detail:
        troubles.length > 0
          ? troubles.map((check) => `${check.label}: ${check.detail}`).join(' ')
          : 'Every check of this credential passed.',
    });
  }
  if (nested.length > MAX_NESTED) {
    ctx.checks.fail(
      'nested',
      'Too many included credentials',
      `It includes ${nested.length}; Laurel checks at most ${MAX_NESTED}.`,
    );
  }
}

async function verifyParsed(
  ctx: VerifyContext,
  credential: Record<string, unknown>,
  prove: () => Promise<ProofOutcome>,
): Promise<void> {
  const kind: CredentialKind = checkShape(ctx, credential);
  summarise(ctx, credential);
  if (!ctx.found.document) {
    const found = kind === 'clr' ? 'clr' : 'ob3';
    ctx.found = { document: credential, kind: found, ...subjectIdentities(credential.credentialSubject) };
  }
  const outcome = await prove();
  checkKeyOwner(ctx, outcome, idOf(credential.issuer));
  checkValidity(ctx, credential, vcVersion(credential) ?? '2.0');
  if (kind === 'achievement') checkVcRecipient(ctx, credential.credentialSubject);
  await checkVcStatus(ctx, credential);
  if (kind === 'clr') await verifyNested(ctx, credential.credentialSubject);
}

/** Verifies an OB 3.0 / VC credential with an embedded proof (JSON-LD). */
export function verifyCredentialJson(ctx: VerifyContext, credential: Record<string, unknown>): Promise<void> {
  return verifyParsed(ctx, credential, () => checkEmbeddedProof(ctx, credential));
}

/** Verifies a VC-JWT: its signature and claims stand in for an embedded proof. */
export async function verifyCredentialJwt(ctx: VerifyContext, token: string): Promise<void> {
  const jwt = readVcJwt(ctx, token);
  if (jwt) await verifyParsed(ctx, jwt.credential, jwt.verify);
}

/** A nested credential: JSON with an embedded proof, or a compact VC-JWT string. */
function verifyCredentialValue(ctx: VerifyContext, value: unknown): Promise<void> {
  if (typeof value === 'string' && JWS_PATTERN.test(value.trim())) return verifyCredentialJwt(ctx, value);
  if (isRecord(value)) return verifyCredentialJson(ctx, value);
  ctx.checks.fail('input', 'Not a credential', 'It is neither a credential object nor a VC-JWT.');
  return Promise.resolve();
}
