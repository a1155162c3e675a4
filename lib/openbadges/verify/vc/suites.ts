import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020, suiteContext } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsa2022 } from '@digitalbazaar/eddsa-2022-cryptosuite';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { isRecord } from '../fetch-json';

/*
 * Verifying suites hold no key and no per-document state, so one set serves every verification:
 * building them (and importing their JSON-LD machinery) happens once per process.
 */
export const VERIFY_SUITES: unknown[] = [
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
