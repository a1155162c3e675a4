import type { Award } from '@/db/schema';

/** An award as the issuer API shows it. */
export function presentAward(award: Award, appUrl: string) {
  return {
    id: award.id,
    state: award.state,
    templateId: award.templateId,
    recipient: { email: award.recipientEmail, name: award.recipientName },
    issuedAt: award.issuedAt.toISOString(),
    expiresAt: award.expiresAt?.toISOString() ?? null,
    evidence: award.evidence,
    decidedAt: award.decidedAt?.toISOString() ?? null,
    revokedAt: award.revokedAt?.toISOString() ?? null,
    revocationReason: award.revocationReason,
    createdAt: award.createdAt.toISOString(),
    publicUrl: `${appUrl}/badges/${award.id}`,
  };
}

export type PresentedAward = ReturnType<typeof presentAward>;
