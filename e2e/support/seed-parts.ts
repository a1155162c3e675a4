/**
 * What the cluster seeds (cluster-seed.ts, deletion-seed.ts) have in common: an issuer with one
 * template and an API key, and a learner with a confirmed address who accepted a public badge.
 */
import type { Db } from '@/db/client';
import { userEmails, users } from '@/db/schema';
import { badgeSvg } from '@/db/seed/badge-art';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { decidePendingAward } from '@/lib/awards/claim';
import { createAward } from '@/lib/awards/create-award';
import { getConfig } from '@/lib/config';
import { storeImage } from '@/lib/images/store';
import { upsertIssuer, upsertTemplate } from '@/lib/issuers/issuers';

type IssuerSeed = {
  slug: string;
  name: string;
  template: { name: string; description: string; criteria: string; skill: string };
  art: { label: string; colour: string; glyph: string };
};

/** The issuer (https://<slug>.example), its template and a new API key. */
export async function seedIssuer(db: Db, input: IssuerSeed) {
  const issuer = await upsertIssuer(db, {
    slug: input.slug,
    name: input.name,
    url: `https://${input.slug}.example`,
    email: `badges@${input.slug}.example`,
  });
  const template = await upsertTemplate(db, {
    issuerId: issuer.id,
    name: input.template.name,
    description: input.template.description,
    imageId: await storeImage(db, { contentType: 'image/svg+xml', bytes: badgeSvg(input.art) }),
    criteriaNarrative: input.template.criteria,
    skills: [input.template.skill],
    validityDays: null,
  });
  const { key } = await createApiKey(db, { actor: 'operator', issuerId: issuer.id, name: input.slug });
  return { issuer, template, key };
}

type LearnerSeed = {
  issued: Awaited<ReturnType<typeof seedIssuer>>;
  email: string;
  passwordHash: string;
  profile: Omit<typeof users.$inferInsert, 'passwordHash'>;
  idempotencyKey: string;
};

/** A learner whose confirmed primary address was awarded the template, accepted publicly. */
export async function seedLearnerWithBadge(db: Db, input: LearnerSeed) {
  const [user] = await db
    .insert(users)
    .values({ ...input.profile, passwordHash: input.passwordHash })
    .returning();
  if (!user) throw new Error('no user');
  await db
    .insert(userEmails)
    .values({ userId: user.id, email: input.email, isPrimary: true, verifiedAt: new Date() });
  const { award } = await createAward({
    db,
    config: getConfig(),
    issuer: input.issued.issuer,
    idempotencyKey: input.idempotencyKey,
    input: { templateId: input.issued.template.id, recipient: { email: input.email, name: user.name } },
  });
  await decidePendingAward(db, { awardId: award.id, userId: user.id, decision: 'accepted', isPublic: true });
  return { user, award };
}
