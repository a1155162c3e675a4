import jsigs from 'jsonld-signatures';
import { UNBUNDLED_SPEC_CONTEXTS } from '@/lib/openbadges/vc/contexts';
import { documentLoader, UnresolvableDocumentError } from '@/lib/openbadges/vc/document-loader';
import { noteUnreachable, type VerifyContext } from '../context';
import { isRecord } from '../fetch-json';
import { asList, idOf } from './detect';
import { type KeyTrouble, KeyUnavailableError, resolveForLoader } from './keys';
import { isDeprecatedProof, isSupportedProof, proofName, SUITE_CONTEXTS, VERIFY_SUITES } from './suites';

const { AssertionProofPurpose } = jsigs.purposes;

/** The errors behind a failed verification, innermost first, however jsonld-signatures nested them. */
function errorsOf(result: jsigs.VerifyResult): Error[] {
  const found: Error[] = [];
  const visit = (error: unknown) => {
    if (!(error instanceof Error) && !isRecord(error)) return;
    const { errors, cause, details } = error as {
      errors?: unknown;
      cause?: unknown;
      details?: { cause?: unknown };
    };
    const nested = [...asList(errors), cause, details?.cause];
    for (const inner of nested) visit(inner);
    if (error instanceof Error) found.push(error);
  };
  visit(result.error);
  for (const item of result.results ?? []) visit(item.error);
  return found;
}

/** One sentence for the first error a person can act on. */
function explain(errors: Error[]): string {
  const unresolvable = errors.find((error) => error instanceof UnresolvableDocumentError) as
    | UnresolvableDocumentError
    | undefined;
  const messages = errors.map((error) => error.message);
  const has = (text: string) => messages.some((message) => message.includes(text));
  if (unresolvable && !unresolvable.url.includes('#') && !unresolvable.url.startsWith('did:')) {
    return `It depends on ${unresolvable.url}, which is neither a context Laurel bundles (contexts are never fetched) nor a key document.`;
  }
  if (unresolvable)
    return `The key ${unresolvable.url} could not be found: Laurel cannot resolve that kind of identifier.`;
  if (has('Invalid signature')) {
    return 'The signature does not match: the credential was changed after it was signed, or was signed with another key.';
  }
  if (has('Safe mode validation')) {
    return 'It has properties its @context does not define, so the signature cannot be trusted to cover them.';
  }
  if (has('not authorized by controller')) {
    return 'The key is not one its owner lists for issuing credentials (assertionMethod).';
  }
  if (has('No matching proofs')) return 'None of its proofs is one Laurel can check.';
  return messages.find((message) => message.length > 0) ?? 'The proof could not be checked.';
}

const withoutFragment = (url: string) => url.split('#')[0] ?? url;

/** The addresses a document's proofs name for their keys: the only https documents fetched. */
function keyAddresses(document: Record<string, unknown>): Set<string> {
  const methods = asList(document.proof).map((proof) =>
    isRecord(proof) ? idOf(proof.verificationMethod) : undefined,
  );
  return new Set(methods.filter((method) => method !== undefined).map(withoutFragment));
}

/** jsonld-signatures over the shared suites, with a loader that notes why any key could not be had. */
async function runProof(ctx: VerifyContext, document: Record<string, unknown>) {
  const troubles: KeyTrouble[] = [];
  const fetchable = keyAddresses(document);
  const loader = documentLoader(SUITE_CONTEXTS, async (url) => {
    // Only keys and their controllers are fetched; an unknown context is refused, never fetched.
    if (!url.startsWith('did:') && !fetchable.has(withoutFragment(url))) return undefined;
    try {
      const resolved = await resolveForLoader(ctx, url);
      const controller = isRecord(resolved) ? resolved.controller : undefined;
      if (typeof controller === 'string') fetchable.add(withoutFragment(controller));
      return resolved;
    } catch (error) {
      if (error instanceof KeyUnavailableError) troubles.push(error.trouble);
      throw error;
    }
  });
  const result = await jsigs.verify(document, {
    suite: VERIFY_SUITES,
    purpose: new AssertionProofPurpose(),
    documentLoader: loader,
  });
  return { result, troubles };
}

/** Whether a document's proof holds, without adding checks (a status list credential's proof). */
export async function proofHolds(
  ctx: VerifyContext,
  document: Record<string, unknown>,
): Promise<{ verified: boolean; reason?: string }> {
  const { result, troubles } = await runProof(ctx, document);
  if (result.verified) return { verified: true };
  return { verified: false, reason: troubles[0]?.reason ?? explain(errorsOf(result)) };
}

/** What the proof check found: the controller of the key that signed, when the signature held. */
export type ProofOutcome = { controller?: string; keyId?: string };

/**
 * Verifies the credential's embedded proofs (eddsa-rdfc-2022, eddsa-2022, Ed25519Signature2020)
 * with bundled contexts and keys from did:key, did:jwk, did:web or https controller documents.
 * A key host that cannot be reached makes the check unknown, never failed.
 */
export async function checkEmbeddedProof(
  ctx: VerifyContext,
  credential: Record<string, unknown>,
): Promise<ProofOutcome> {
  const proofs = asList(credential.proof);
  if (proofs.length === 0) {
    ctx.checks.fail(
      'proof',
      'The credential is not signed',
      'It has no proof, so nothing shows who issued it.',
    );
    return {};
  }
  const unsupported = proofs.filter((proof) => !isSupportedProof(proof));
  if (unsupported.length > 0) {
    ctx.checks.fail(
      'proof',
      'A proof Laurel cannot check',
      `It carries ${unsupported.map(proofName).join(', ')}; Laurel checks DataIntegrityProof (eddsa-rdfc-2022, eddsa-2022) and Ed25519Signature2020.`,
    );
    if (unsupported.length === proofs.length) return {};
  }
  const bareDid = proofs
    .map((proof) => (isRecord(proof) ? idOf(proof.verificationMethod) : undefined))
    .find((method) => /^did:(key|jwk|web):[^#]+$/.test(method ?? ''));
  if (bareDid) {
    ctx.checks.fail(
      'proof',
      'The signing key is not named',
      `Its proof gives ${bareDid} as the key, but that identifies the key's owner, not a key: a key is named by the identifier and a fragment (${bareDid}#…).`,
    );
    return {};
  }
  const { result, troubles } = await runProof(ctx, credential);
  const failed = (result.results ?? []).filter((item) => !item.verified);
  if (!result.verified || failed.length > 0) {
    const down = troubles.find((trouble) => trouble.isUnreachable);
    if (down) {
      noteUnreachable(
        ctx,
        { id: 'proof', label: "The issuer's key could not be fetched" },
        down.url,
        down.reason,
      );
      return {};
    }
    const missing = errorsOf(result).find(
      (error) => error instanceof UnresolvableDocumentError && UNBUNDLED_SPEC_CONTEXTS.has(error.url),
    ) as UnresolvableDocumentError | undefined;
    if (missing) {
      ctx.checks.unknown(
        'proof',
        'The signature could not be checked',
        `It is written with ${missing.url}, a published context Laurel does not have yet (contexts are never fetched), so its signature cannot be checked here.`,
      );
      return {};
    }
    const keyTrouble = troubles[0];
    const why = keyTrouble ? `The key could not be read: ${keyTrouble.reason}` : explain(errorsOf(result));
    ctx.checks.fail('proof', 'The signature cannot be trusted', why);
    return {};
  }
  const method = result.results?.find((item) => item.verified)?.verificationMethod;
  const used = proofs.filter(isSupportedProof).map(proofName).join(', ');
  if (proofs.some(isDeprecatedProof)) {
    ctx.checks.warn(
      'proof',
      'Signed with an outdated proof suite',
      `It is signed (${used}) and the signature holds, but eddsa-2022 is deprecated; eddsa-rdfc-2022 replaces it.`,
    );
  } else {
    ctx.checks.pass('proof', 'The signature holds', `It is signed (${used}) and has not been changed since.`);
  }
  return {
    controller: typeof method?.controller === 'string' ? method.controller : undefined,
    keyId: typeof method?.id === 'string' ? method.id : undefined,
  };
}
