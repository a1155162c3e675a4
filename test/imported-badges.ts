import type { Db } from '@/db/client';
import { importedBadges } from '@/db/schema';
import { credential } from '@/lib/openbadges/bake/test-credentials';

/**
 * An OB 3.0 credential for `email` whose issuer's host does not exist (.invalid): its proof
 * cannot be checked, so importing it keeps it as unverified.
 */
export function unreachableCredentialJson(email: string, name = 'Robotics') {
  const key = 'did:web:issuer.invalid#key-1';
  return JSON.stringify({
    ...credential,
    id: `urn:uuid:${crypto.randomUUID()}`,
    issuer: { id: 'did:web:issuer.invalid', type: ['Profile'], name: 'Faraway Robotics Club' },
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: email },
      ],
      achievement: {
        id: 'https://issuer.invalid/achievements/robotics',
        type: ['Achievement'],
        name,
        description: 'Built a line-following robot.',
        criteria: { narrative: 'Finish the course.' },
      },
    },
    proof: [
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        verificationMethod: key,
        proofPurpose: 'assertionMethod',
        created: '2024-05-01T12:00:00Z',
        proofValue: 'z3FXQjecWufY46',
      },
    ],
  });
}

/** A verified badge from elsewhere in `userId`'s wallet, written directly (import has its own tests). */
export async function storeImportedBadge(db: Db, input: { userId: string; isPublic?: boolean }) {
  const text = unreachableCredentialJson('someone@example.test');
  const [row] = await db
    .insert(importedBadges)
    .values({
      userId: input.userId,
      original: new TextEncoder().encode(text),
      mediaType: 'application/json',
      format: 'Open Badges 3.0 · JSON',
      credential: JSON.parse(text),
      badgeName: 'Robotics',
      issuerName: 'Faraway Robotics Club',
      isRecipientChecked: true,
      status: 'verified',
      report: { verdict: 'valid', checks: [], checkedAt: new Date().toISOString() },
      verifiedAt: new Date(),
      isPublic: input.isPublic ?? false,
      dedupeKey: `id:${crypto.randomUUID()}`,
    })
    .returning({ id: importedBadges.id });
  if (!row) throw new Error('no imported badge');
  return row.id;
}
