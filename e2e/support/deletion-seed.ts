/**
 * Seeds the account-deletion cluster (e2e/account-deletion.spec.ts): an issuer with a webhook
 * endpoint on the spec's receiver (WEBHOOK_URL), and learners who each accepted one public badge
 * and have a public profile. Prints the fixture as JSON on its last line.
 */
import { closeDb, getDb } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { seedIssuer, seedLearnerWithBadge } from './seed-parts';

export type DeletionLearner = { id: string; email: string; name: string; handle: string; awardId: string };
export type DeletionFixture = { apiKey: string; password: string; learners: DeletionLearner[] };

const PASSWORD = 'deletion-learner-password';
const NAMES = ['Dana Desk', 'Pia Phone', 'Fin Final'];

async function main() {
  const db = await getDb();
  const issued = await seedIssuer(db, {
    slug: 'gone-labs',
    name: 'Gone Labs',
    template: {
      name: 'Clean Exit',
      description: 'Left without a trace.',
      criteria: 'Delete an account.',
      skill: 'Privacy',
    },
    art: { label: 'EXIT', colour: '#7f1d1d', glyph: 'E' },
  });
  const webhookUrl = process.env.WEBHOOK_URL;
  if (!webhookUrl) throw new Error('WEBHOOK_URL is not set');
  await createWebhookEndpoint(db, { issuerId: issued.issuer.id, url: webhookUrl, allowHosts: ['localhost'] });

  const passwordHash = await hashPassword(PASSWORD);
  const learners: DeletionLearner[] = [];
  for (const [i, name] of NAMES.entries()) {
    const email = `learner-${i}-${Date.now().toString(36)}@learners.example`;
    const handle = `gone${i}${Date.now().toString(36)}`;
    const { user, award } = await seedLearnerWithBadge(db, {
      issued,
      email,
      passwordHash,
      profile: { name, handle, isProfilePublic: true, headline: 'Learning in public' },
      idempotencyKey: `deletion-${i}`,
    });
    learners.push({ id: user.id, email, name, handle: user.handle ?? handle, awardId: award.id });
  }
  const fixture: DeletionFixture = { apiKey: issued.key, password: PASSWORD, learners };
  console.log(JSON.stringify(fixture));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
