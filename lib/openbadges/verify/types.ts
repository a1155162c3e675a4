/** One line of a verification report, in plain language. */
/**
 * `unknown`: the check could not be made because a host it needs (the issuer's site, a key, a DID
 * document, a status list) could not be reached. It is neither a pass nor a failure.
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'unknown';

export type Check = {
  /** Stable id, e.g. 'fetched', 'structure', 'issuer-scope', 'recipient', 'revoked', 'expiry', 'issued-date', 'baked-match', 'signature'. */
  id: string;
  /** What was checked, e.g. "The badge was fetched from its own hosted URL". */
  label: string;
  status: CheckStatus;
  /** Why it passed, failed or was skipped, for people. */
  detail: string;
};

/** verified / verified with warnings / not verified / could not check (a host was unreachable). */
export type Verdict = 'valid' | 'warning' | 'invalid' | 'unknown';

export type VerificationReport = {
  verdict: Verdict;
  checks: Check[];
  /** The hosts that could not be reached (why the verdict is 'unknown'), in the order tried. */
  unreachable?: string[];
  /** What was verified, for display; absent when nothing could be read. */
  badge?: {
    assertionId?: string;
    name?: string;
    description?: string;
    image?: string;
    issuerName?: string;
    issuerUrl?: string;
    issuedOn?: string;
    expires?: string;
    revocationReason?: string;
  };
  checkedAt: string;
};

/** What can be handed to the verifier. */
export type VerifyInput =
  | { kind: 'url'; url: string }
  | { kind: 'json'; text: string }
  | { kind: 'file'; bytes: Uint8Array; filename?: string };
