/**
 * Seeds a cluster's fresh database (e2e/support/cluster.ts runs it before the instances start,
 * which also migrates it): an issuer with a template and an API key, and a learner who has
 * accepted one badge publicly. Prints the fixture as JSON on its last line.
 */
import { closeDb, getDb } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { seedIssuer, seedLearnerWithBadge } from './seed-parts';

export type ClusterFixture = {
  apiKey: string;
  learner: { email: string; password: string };
  awardId: string;
  badgeName: string;
  templateId: string;
};

async function main() {
  const db = await getDb();
  const issued = await seedIssuer(db, {
    slug: 'scale-labs',
    name: 'Scale Labs',
    template: {
      name: 'Scale-Out Practitioner',
      description: 'Ran the same app on several instances.',
      criteria: 'Serve one page from two instances.',
      skill: 'Linux',
    },
    art: { label: 'SCALE', colour: '#1e3a8a', glyph: 'S' },
  });
  const { template, key } = issued;
  const learner = { email: 'sky@learners.example', password: 'scale-out-learner-password' };
  const { award } = await seedLearnerWithBadge(db, {
    issued,
    email: learner.email,
    passwordHash: await hashPassword(learner.password),
    profile: { name: 'Sky Scale' },
    idempotencyKey: 'cluster-badge',
  });
  const fixture: ClusterFixture = {
    apiKey: key,
    learner,
    awardId: award.id,
    badgeName: template.name,
    templateId: template.id,
  };
  console.log(JSON.stringify(fixture));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
