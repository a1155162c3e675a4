import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { userEmails, users } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { hashPassword } from '@/lib/auth/password';
import type { AwardInput } from '@/lib/awards/award-input';
import { createAward } from '@/lib/awards/create-award';
import type { Config } from '@/lib/config';
import { storeImage } from '@/lib/images/store';
import { upsertIssuer, upsertTemplate } from '@/lib/issuers/issuers';

export const testConfig = {
  appUrl: 'http://laurel.test',
  claimTokenTtlDays: 30,
  isDemoMode: false,
} satisfies Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;

export const uniqueEmail = (label = 'learner') => `${label}-${randomUUID().slice(0, 8)}@example.test`;

const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"/>');

/** An issuer with one template and an API key, all fresh. */
export async function makeIssuer(db: Db, input: { validityDays?: number } = {}) {
  const slug = `issuer-${randomUUID().slice(0, 8)}`;
  const imageId = await storeImage(db, { contentType: 'image/svg+xml', bytes: SVG });
  const issuer = await upsertIssuer(db, {
    slug,
    name: `Issuer ${slug}`,
    url: 'https://issuer.test',
    email: 'badges@issuer.test',
  });
  const template = await upsertTemplate(db, {
    issuerId: issuer.id,
    name: 'Linux Fundamentals',
    description: 'Navigated the shell.',
    imageId,
    criteriaNarrative: 'Complete the lab.',
    skills: ['Linux'],
    validityDays: input.validityDays ?? null,
  });
  const { key } = await createApiKey(db, { actor: 'operator', issuerId: issuer.id, name: 'test' });
  return { issuer, template, apiKey: key };
}

export async function makeUser(
  db: Db,
  input: { email?: string; password?: string; isVerified?: boolean } = {},
) {
  const email = input.email ?? uniqueEmail();
  const password = input.password ?? 'correct horse battery';
  const [user] = await db
    .insert(users)
    .values({ name: 'Test Learner', passwordHash: await hashPassword(password) })
    .returning();
  if (!user) throw new Error('no user');
  await db.insert(userEmails).values({
    userId: user.id,
    email,
    isPrimary: true,
    verifiedAt: input.isVerified === false ? null : new Date(),
  });
  return { user, email, password };
}

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

/** Awards a badge and returns the award with the raw claim token read back from its email. */
export async function makeAward(
  db: Db,
  issued: Issued,
  input: Partial<AwardInput> & { email?: string } = {},
) {
  const { award } = await createAward({
    db,
    config: testConfig,
    issuer: issued.issuer,
    input: {
      templateId: issued.template.id,
      recipient: { email: input.email ?? uniqueEmail(), name: 'Ada Learner' },
      ...input,
    },
  });
  return { award, token: await claimTokenFromOutbox(db, award.recipientEmail) };
}

export async function claimTokenFromOutbox(db: Db, email: string): Promise<string> {
  const { outbox } = await import('@/db/schema');
  const { desc, sql } = await import('drizzle-orm');
  const [row] = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(sql`${outbox.payload}->>'to' = ${email}`)
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  const match = row?.payload.text.match(/\/claim\/([A-Za-z0-9_-]{43})/);
  if (!match?.[1]) throw new Error(`no claim email for ${email}`);
  return match[1];
}
