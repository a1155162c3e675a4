import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiKeys, awards, userEmails, users } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { hashPassword } from '@/lib/auth/password';
import { decidePendingAward } from '@/lib/awards/claim';
import { createAward } from '@/lib/awards/create-award';
import type { Config } from '@/lib/config';
import { storeImage } from '@/lib/images/store';
import { findIssuerBySlug, listTemplates, upsertIssuer, upsertTemplate } from '@/lib/issuers/issuers';
import { addIssuerMember } from '@/lib/issuers/members';
import { badgeSvg } from './badge-art';
import { DEMO_ISSUER, DEMO_ISSUER_ADMIN, DEMO_LEARNER, DEMO_TEMPLATES } from './demo-data';

const DEMO_KEY_NAME = 'Demo key (npm run seed)';

/**
 * Creates or refreshes the demo issuer, its templates and a demo learner with two badges.
 * Safe to run again: rows are matched by slug, name, address and idempotency key. The demo API
 * key is replaced on every run, since only its hash is stored.
 */
export async function seedDemo(db: Db, config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>) {
  const existing = await findIssuerBySlug(db, DEMO_ISSUER.slug);
  const issuer = await upsertIssuer(db, { ...DEMO_ISSUER, imageId: existing?.imageId ?? null });
  const current = new Map((await listTemplates(db, issuer.id)).map((t) => [t.name, t]));
  const templates = [];
  for (const { art, ...template } of DEMO_TEMPLATES) {
    const imageId =
      current.get(template.name)?.imageId ??
      (await storeImage(db, { contentType: 'image/svg+xml', bytes: badgeSvg(art) }));
    templates.push(
      await upsertTemplate(db, { ...template, skills: [...template.skills], issuerId: issuer.id, imageId }),
    );
  }

  const learnerId = await ensureUser(db, DEMO_LEARNER);
  await ensureUser(db, DEMO_ISSUER_ADMIN);
  await addIssuerMember(db, { issuerId: issuer.id, email: DEMO_ISSUER_ADMIN.email, role: 'admin' });
  for (const [index, template] of templates.slice(0, 2).entries()) {
    const { award } = await createAward({
      db,
      config,
      issuer,
      idempotencyKey: `seed-demo-learner-${index}`,
      input: {
        templateId: template.id,
        recipient: { email: DEMO_LEARNER.email, name: DEMO_LEARNER.name },
        evidence: [{ narrative: 'Completed every lab in the track.' }],
      },
    });
    if (index === 0 && award.state === 'pending') {
      await decidePendingAward(db, { awardId: award.id, userId: learnerId, decision: 'accepted' });
    }
  }

  await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.issuerId, issuer.id), eq(apiKeys.name, DEMO_KEY_NAME), isNull(apiKeys.revokedAt)));
  const { key } = await createApiKey(db, { actor: 'operator', issuerId: issuer.id, name: DEMO_KEY_NAME });
  return { issuer, templates, apiKey: key };
}

async function ensureUser(
  db: Db,
  person: { name: string; email: string; password: string },
): Promise<string> {
  const [found] = await db.select().from(userEmails).where(eq(userEmails.email, person.email));
  if (found) return found.userId;
  const [user] = await db
    .insert(users)
    .values({ name: person.name, passwordHash: await hashPassword(person.password) })
    .returning({ id: users.id });
  if (!user) throw new Error('demo user insert returned nothing');
  await db
    .insert(userEmails)
    .values({ userId: user.id, email: person.email, isPrimary: true, verifiedAt: new Date() });
  return user.id;
}

export async function countDemoAwards(db: Db) {
  return (
    await db.select({ id: awards.id }).from(awards).where(eq(awards.recipientEmail, DEMO_LEARNER.email))
  ).length;
}
