import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020, suiteContext } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsa2022 } from '@digitalbazaar/eddsa-2022-cryptosuite';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { isRecord } from '../fetch-json';

const DATA_INTEGRITY_V1 = 'https://w3id.org/security/data-integrity/v1';

function usesContext(document: unknown, url: string): boolean {
  if (!isRecord(document)) return false;
  const context = document['@context'];
  return context === url || (Array.isArray(context) && context.includes(url));
}

/**
 * A Data Integrity suite for documents written against the first data-integrity context (VC 1.1
 * credentials from before the v2 context). The standard suite would add the v2 context to the
 * proof beside the v1 one, and the two protect the same terms differently, so such a proof could
 * never verify. This one matches only those documents, and must be listed before the standard one.
 */
function legacyContextSuite(cryptosuite: unknown): DataIntegrityProof {
  const suite = new DataIntegrityProof({ cryptosuite, legacyContext: true });
  const matchesProof = suite.matchProof.bind(suite);
  suite.matchProof = async (options) =>
    usesContext(options.document, DATA_INTEGRITY_V1) && (await matchesProof(options));
  return suite;
}

/*
 * Verifying suites hold no key and no per-document state, so one set serves every verification:
 * building them (and importing their JSON-LD machinery) happens once per process. The first suite
 * that matches a proof verifies it.
 */
export const VERIFY_SUITES: unknown[] = [
  legacyContextSuite(eddsaRdfc2022),
  legacyContextSuite(eddsa2022),
  new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
  new DataIntegrityProof({ cryptosuite: eddsa2022 }),
  new Ed25519Signature2020(),
];

/** Contexts the proof suites add beyond lib/openbadges/vc's bundle. */
export const SUITE_CONTEXTS: ReadonlyMap<string, unknown> = new Map(suiteContext.contexts);

const CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-2022'];

/** A proof in words, e.g. "DataIntegrityProof (eddsa-rdfc-2022)". */
export function proofName(proof: unknown): string {
  if (!isRecord(proof)) return 'a proof that is not an object';
  const type = typeof proof.type === 'string' ? proof.type : JSON.stringify(proof.type ?? 'no type');
  return typeof proof.cryptosuite === 'string' ? `${type} (${proof.cryptosuite})` : type;
}

/** Whether Laurel has a suite for the proof. */
export function isSupportedProof(proof: unknown): boolean {
  if (!isRecord(proof)) return false;
  if (proof.type === 'Ed25519Signature2020') return true;
  return proof.type === 'DataIntegrityProof' && CRYPTOSUITES.includes(String(proof.cryptosuite));
}

/** Suites the specification keeps for older credentials but advises against issuing with. */
export function isDeprecatedProof(proof: unknown): boolean {
  return isRecord(proof) && proof.cryptosuite === 'eddsa-2022';
}
