import { OB_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT } from '@/lib/openbadges/vc/contexts';
import type { VerifyContext } from '../context';
import { parseDateTime } from '../dates';
import { isRecord } from '../fetch-json';
import { asList, typesOf, type VcVersion, vcVersion } from './detect';

/** What a credential is, by its type: it decides which checks follow. */
export type CredentialKind = 'achievement' | 'endorsement' | 'clr' | 'other';

const OB_CONTEXT_PATTERN = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/;
const CLR_CONTEXT_PATTERN = /^https:\/\/purl\.imsglobal\.org\/spec\/clr\/v2p0\/context(-2\.\d\.\d)*\.json$/;

export function kindOf(node: Record<string, unknown>): CredentialKind {
  const types = typesOf(node);
  if (types.includes('ClrCredential')) return 'clr';
  if (types.includes('EndorsementCredential')) return 'endorsement';
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'achievement';
  return 'other';
}

type Problems = string[];

/** `where` has a `type` that includes `expected` (OB 3.0 classes must name themselves). */
function needType(problems: Problems, value: unknown, expected: string, where: string): void {
  for (const item of asList(value)) {
    if (!isRecord(item)) {
      problems.push(`${where} is not an object`);
    } else if (!typesOf(item).includes(expected)) {
      const given = item.type === undefined ? 'no type' : `type ${JSON.stringify(item.type)}`;
      problems.push(`${where} has ${given}, not ${expected}`);
    }
  }
}

function needText(problems: Problems, node: Record<string, unknown>, key: string, where: string): void {
  if (typeof node[key] !== 'string' || node[key] === '') problems.push(`${where} has no ${key}`);
}

function checkProfile(problems: Problems, profile: unknown, where: string): void {
  if (profile === undefined || typeof profile === 'string') return;
  needType(problems, profile, 'Profile', where);
  if (!isRecord(profile)) return;
  needText(problems, profile, 'id', where);
  if (profile.parentOrg !== undefined) checkProfile(problems, profile.parentOrg, `${where}'s parentOrg`);
  needType(problems, profile.otherIdentifier, 'IdentifierEntry', `An otherIdentifier of ${where}`);
  needType(problems, profile.endorsement, 'EndorsementCredential', `An endorsement of ${where}`);
}

function checkAchievementSubject(problems: Problems, subject: Record<string, unknown>): void {
  needType(problems, subject, 'AchievementSubject', 'The credentialSubject');
  needType(problems, subject.identifier, 'IdentityObject', 'A recipient identifier');
  needType(problems, subject.result, 'Result', 'A result');
  checkProfile(problems, subject.source, 'The source of the award');
  const achievement = subject.achievement;
  if (!isRecord(achievement)) {
    problems.push('The credentialSubject has no achievement');
    return;
  }
  needType(problems, achievement, 'Achievement', 'The achievement');
  for (const key of ['id', 'name', 'description']) needText(problems, achievement, key, 'The achievement');
  if (!isRecord(achievement.criteria)) problems.push('The achievement has no criteria');
  needType(problems, achievement.resultDescription, 'ResultDescription', 'A result description');
  needType(problems, achievement.alignment, 'Alignment', 'An alignment');
  checkProfile(problems, achievement.creator, 'The achievement creator');
}

function checkDates(problems: Problems, node: Record<string, unknown>, version: VcVersion): void {
  const [from, until] = version === '2.0' ? ['validFrom', 'validUntil'] : ['issuanceDate', 'expirationDate'];
  if (node[from] === undefined) problems.push(`It has no ${from}`);
  for (const key of [from, until]) {
    if (node[key] !== undefined && !parseDateTime(node[key]))
      problems.push(`Its ${key} is not a date and time`);
  }
}

/** Plain-language problems with a credential's required properties, per its kind. */
function problemsOf(node: Record<string, unknown>, kind: CredentialKind, version: VcVersion): Problems {
  const problems: Problems = [];
  const issuer = node.issuer;
  if (typeof issuer !== 'string' && !(isRecord(issuer) && typeof issuer.id === 'string')) {
    problems.push('It names no issuer id');
  }
  if (kind !== 'other') {
    if (version === '2.0') needText(problems, node, 'id', 'It');
    checkProfile(problems, issuer, 'The issuer');
  }
  checkDates(problems, node, version);
  const subject = node.credentialSubject;
  if (!isRecord(subject)) {
    problems.push('It has no credentialSubject object');
    return problems;
  }
  if (kind === 'achievement') checkAchievementSubject(problems, subject);
  if (kind === 'endorsement') needType(problems, subject, 'EndorsementSubject', 'The credentialSubject');
  if (kind === 'clr') {
    needType(problems, subject, 'ClrSubject', 'The credentialSubject');
    if (asList(subject.verifiableCredential).length === 0) problems.push('It includes no credentials');
  }
  needType(problems, node.evidence, 'Evidence', 'An evidence item');
  return problems;
}

const kindWords: Record<CredentialKind, string> = {
  achievement: 'an Open Badge (OpenBadgeCredential)',
  endorsement: 'an endorsement (EndorsementCredential)',
  clr: 'a Comprehensive Learner Record (ClrCredential)',
  other: 'a verifiable credential',
};

function checkContexts(ctx: VerifyContext, node: Record<string, unknown>, kind: CredentialKind): boolean {
  const contexts = asList(node['@context']);
  if (!vcVersion(node)) {
    ctx.checks.fail(
      'context',
      'The credential does not start with a W3C credentials context',
      `Its first @context must be ${VC_V2_CONTEXT} (or ${VC_V1_CONTEXT} for older credentials).`,
    );
    return false;
  }
  if (kind === 'other') return true;
  const pattern = kind === 'clr' ? CLR_CONTEXT_PATTERN : OB_CONTEXT_PATTERN;
  const own = contexts.find((entry) => typeof entry === 'string' && pattern.test(entry));
  if (!own) {
    const what = kind === 'clr' ? 'CLR 2.0' : 'Open Badges 3.0';
    ctx.checks.fail(
      'context',
      `The ${what} context is missing`,
      `Its @context does not include the ${what} context.`,
    );
    return false;
  }
  if (
    kind !== 'clr' &&
    own !== OB_CONTEXT &&
    own !== 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'
  ) {
    ctx.checks.warn(
      'context',
      'An older Open Badges context',
      `It uses ${String(own)}; the current one is ${OB_CONTEXT}.`,
    );
    return true;
  }
  ctx.checks.pass(
    'context',
    'Verifiable credential contexts',
    'Its @context names the W3C credentials and its own vocabulary.',
  );
  return true;
}

/**
 * Checks @context, type and the properties OB 3.0 (or CLR 2.0, or the VC data model for other
 * credentials) requires. Problems are recorded as failed checks; verification goes on so the
 * report also tells whether the signature holds.
 */
export function checkShape(ctx: VerifyContext, node: Record<string, unknown>): CredentialKind {
  const kind = kindOf(node);
  const version = vcVersion(node) ?? '2.0';
  checkContexts(ctx, node, kind);
  if (kind === 'other') {
    ctx.checks.fail(
      'type',
      'Not an Open Badge',
      `This is a verifiable credential of type ${JSON.stringify(node.type)}, not an Open Badge, an endorsement or a CLR.`,
    );
  } else if (version === '1.1') {
    ctx.checks.warn(
      'type',
      `This is ${kindWords[kind]} in the older data model`,
      'It follows Verifiable Credentials 1.1; Open Badges 3.0 now uses Verifiable Credentials 2.0.',
    );
  } else {
    ctx.checks.pass('type', `This is ${kindWords[kind]}`, `Verifiable Credentials data model ${version}.`);
  }
  const problems = problemsOf(node, kind, version);
  const subject = node.credentialSubject;
  if (
    kind === 'achievement' &&
    isRecord(subject) &&
    subject.id === undefined &&
    asList(subject.identifier).length === 0
  ) {
    ctx.checks.warn(
      'recipient-named',
      'The recipient is not named',
      'Its credentialSubject has neither an id nor an identifier, so nothing ties it to a person.',
    );
  }
  if (problems.length > 0) {
    ctx.checks.fail('structure', 'The credential data is incomplete or malformed', `${problems.join('; ')}.`);
  } else {
    ctx.checks.pass(
      'structure',
      'The credential has everything it needs',
      'Issuer, dates, recipient and achievement are all there.',
    );
  }
  return kind;
}
