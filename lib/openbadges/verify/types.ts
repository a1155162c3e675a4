/** One line of a verification report, in plain language. */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export type Check = {
  /** Stable id, e.g. 'fetched', 'structure', 'issuer-scope', 'recipient', 'revoked', 'expiry', 'issued-date', 'baked-match', 'signature'. */
  id: string;
  /** What was checked, e.g. "The badge was fetched from its own hosted URL". */
  label: string;
  status: CheckStatus;
  /** Why it passed, failed or was skipped, for people. */
  detail: string;
};

export type Verdict = 'valid' | 'warning' | 'invalid';

export type VerificationReport = {
  verdict: Verdict;
  checks: Check[];
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
