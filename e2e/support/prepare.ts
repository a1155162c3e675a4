/**
 * Runs before the e2e server starts (never while it runs: PGlite allows one process): issuers
 * with templates and keys, one revoked key, written to a fixtures file for the tests; and the
 * demo labor-market release and jobs feed the project ships (see labor-market-data.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import {
  bulkJobs,
  issuers,
  outbox,
  rateLimitCounters,
  signInFailures,
  userEmails,
  users,
  webhookDeliveries,
} from '@/db/schema';
import { badgeSvg } from '@/db/seed/badge-art';
import { DEMO_TEMPLATES } from '@/db/seed/demo-data';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { hashPassword } from '@/lib/auth/password';
import { decidePendingAward } from '@/lib/awards/claim';
import { createAward } from '@/lib/awards/create-award';
import { createBulkJob } from '@/lib/bulk/jobs';
import { type Config, getConfig } from '@/lib/config';
import { deliverEmail } from '@/lib/email/outbox';
import { storeImage } from '@/lib/images/store';
import { upsertIssuer, upsertTemplate } from '@/lib/issuers/issuers';
import { addIssuerMember } from '@/lib/issuers/members';
import { deliverWebhook } from '@/lib/webhooks/deliver';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/events';
import { E2E } from './env';
import { loadLaborMarketData } from './labor-market-data';

async function makeIssuer(slug: string, name: string, skills = ['Linux', 'Networking']) {
  const db = await getDb();
  const issuer = await upsertIssuer(db, {
    slug,
    name,
    url: `https://${slug}.example`,
    email: `badges@${slug}.example`,
  });
  const imageId = await storeImage(db, {
    contentType: 'image/svg+xml',
    bytes: badgeSvg({ label: name.toUpperCase().slice(0, 12), colour: '#14532d', glyph: 'E2E' }),
  });
  const template = await upsertTemplate(db, {
    issuerId: issuer.id,
    name: `${name} Practitioner`,
    description: `Completed the ${name} practitioner lab.`,
    imageId,
    criteriaNarrative: 'Pass the graded practical with at least 80%.',
    skills,
    validityDays: 365,
  });
  const { key } = await createApiKey(db, { actor: 'operator', issuerId: issuer.id, name: 'e2e' });
  return { id: issuer.id, name, templateId: template.id, templateName: template.name, apiKey: key };
}

/**
 * The demo's Cloud Security Essentials badge (AWS, IAM, Cloud Security), accepted publicly by a
 * learner: what a visitor opens in the skills journey. Returns the award id.
 */
async function publicCloudBadge(config: Config, stamp: string) {
  const db = await getDb();
  const demo = DEMO_TEMPLATES.find((t) => (t.skills as readonly string[]).includes('Cloud Security'));
  if (!demo) throw new Error('the demo templates have no Cloud Security badge');
  const issuer = await upsertIssuer(db, {
    slug: `cloud-${stamp}`,
    name: 'Cloud Labs',
    url: 'https://cloud-labs.example',
    email: 'badges@cloud-labs.example',
  });
  const template = await upsertTemplate(db, {
    issuerId: issuer.id,
    name: demo.name,
    description: demo.description,
    imageId: await storeImage(db, { contentType: 'image/svg+xml', bytes: badgeSvg(demo.art) }),
    criteriaNarrative: demo.criteriaNarrative,
    skills: [...demo.skills],
    validityDays: null,
  });
  const email = `cloud-${stamp}@learners.example`;
  const [user] = await db
    .insert(users)
    .values({ name: 'Casey Cloud', passwordHash: await hashPassword('cloud-learner-password') })
    .returning();
  if (!user) throw new Error('no user');
  await db.insert(userEmails).values({ userId: user.id, email, isPrimary: true, verifiedAt: new Date() });
  const { award } = await createAward({
    db,
    config,
    issuer,
    idempotencyKey: `e2e-cloud-${stamp}`,
    input: { templateId: template.id, recipient: { email, name: 'Casey Cloud' } },
  });
  await decidePendingAward(db, { awardId: award.id, userId: user.id, decision: 'accepted' });
  return award.id;
}

/** A signed-up, confirmed person who is a member of the issuer. */
async function member(
  issuerId: string,
  input: { email: string; name: string; role: 'admin' | 'staff'; password: string },
) {
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ name: input.name, passwordHash: await hashPassword(input.password) })
    .returning();
  if (!user) throw new Error('no user');
  await db
    .insert(userEmails)
    .values({ userId: user.id, email: input.email, isPrimary: true, verifiedAt: new Date() });
  await addIssuerMember(db, { issuerId, email: input.email, role: input.role });
}

/**
 * For e2e/undelivered.spec.ts, an issuer of its own per screen with one of each dead letter. The
 * queue would take a day of retries to give up, so the last attempt is run here, now, through the
 * real handlers: the endpoint's answer (500) and the provider's refusal are stood in for, since the
 * receiver (the remote host) answers 200 and the fake Resend accepts everything. The upload is
 * marked failed directly, as lib/bulk/run.ts does after its last batch attempt.
 */
async function undeliveredIssuer(config: Config, stamp: string, screen: string, password: string) {
  const db = await getDb();
  const slug = `harbor-${screen}-${stamp}`;
  const made = await makeIssuer(slug, 'Harbor Institute');
  const [issuer] = await db.select().from(issuers).where(eq(issuers.id, made.id));
  if (!issuer) throw new Error('no issuer');
  const admin = `harbor-admin-${screen}-${stamp}@issuers.example`;
  const staff = `harbor-staff-${screen}-${stamp}@issuers.example`;
  await member(issuer.id, { email: admin, name: 'Hana Admin', role: 'admin', password });
  await member(issuer.id, { email: staff, name: 'Sol Staff', role: 'staff', password });
  const { endpoint } = await createWebhookEndpoint(db, {
    issuerId: issuer.id,
    url: `${E2E.remoteUrl}/webhook?run=${slug}`,
    allowHosts: ['localhost'],
  });
  const recipient = `harbor-${screen}-${stamp}@learners.example`;
  const { award } = await createAward({
    db,
    config,
    issuer,
    input: { templateId: made.templateId, recipient: { email: recipient, name: 'Robin Harbor' } },
  });
  const testDeliveryId = await sendTestEvent(db, { issuerId: issuer.id, endpointId: endpoint.id });
  const deliveries = await db
    .select({ id: webhookDeliveries.id, event: webhookDeliveries.event })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpoint.id));
  const answered500 = async () => ({ status: 500 });
  for (const d of deliveries)
    await deliverWebhook({ db, deliveryId: d.id, isLastAttempt: true, post: answered500 });
  const createdDeliveryId = deliveries.find((d) => d.event === 'award.created')?.id;
  if (!createdDeliveryId) throw new Error('no award.created delivery');
  const [email] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.awardId, award.id));
  if (!email) throw new Error('no claim email');
  await deliverEmail({
    db,
    outboxId: email.id,
    isLastAttempt: true,
    send: async () => ({
      ok: false,
      error: 'The recipient’s mail server refused the message.',
      isRetryable: false,
    }),
  });
  const fileName = `harbor-${screen}-cohort.csv`;
  const upload = await createBulkJob(db, {
    issuerId: issuer.id,
    templateId: made.templateId,
    userId: null,
    fileName,
    csv: `email,name\nharbor-csv-${screen}-${stamp}@learners.example,Casey Cohort\n`,
  });
  if (!upload.ok) throw new Error('the upload was refused');
  await db
    .update(bulkJobs)
    .set({ status: 'failed', lastError: 'The database was unavailable for 5 attempts in a row.' })
    .where(eq(bulkJobs.id, upload.job.id));
  return { slug, admin, staff, awardId: award.id, recipient, fileName, createdDeliveryId, testDeliveryId };
}

async function main() {
  const config = getConfig();
  const stamp = Date.now().toString(36);
  const labs = await makeIssuer(`e2e-labs-${stamp}`, 'E2E Labs');
  const other = await makeIssuer(`other-${stamp}`, 'Other Academy');
  // Tags that match O*NET technologies exactly (Python, Tableau), by alias (SQL) and not at all.
  const data = await makeIssuer(`data-${stamp}`, 'Data School', [
    'Python',
    'SQL',
    'Tableau',
    'Cloud Security',
  ]);
  const revoked = await createApiKey(await getDb(), {
    actor: 'operator',
    issuerId: labs.id,
    name: 'revoked',
  });
  await revokeApiKey(await getDb(), { actor: 'operator', issuerId: labs.id, keyId: revoked.id });
  const db = await getDb();
  // Every test connects from this machine: a run on a reused PostgreSQL database must not inherit
  // the last run's sign-in failures and request counts.
  await db.delete(signInFailures);
  await db.delete(rateLimitCounters);
  const members = {
    admin: `admin-${stamp}@issuers.example`,
    staff: `staff-${stamp}@issuers.example`,
    password: 'console-password-123',
  };
  for (const [role, email] of [
    ['admin', members.admin],
    ['staff', members.staff],
  ] as const) {
    const [user] = await db
      .insert(users)
      .values({ name: `E2E ${role}`, passwordHash: await hashPassword(members.password) })
      .returning();
    if (!user) throw new Error('no user');
    await db.insert(userEmails).values({ userId: user.id, email, isPrimary: true, verifiedAt: new Date() });
    await addIssuerMember(db, { issuerId: labs.id, email, role });
  }
  // An issuer of its own for the issuer journey (e2e/journey-issuer.spec.ts): its console shows only
  // what that journey does, whatever the other specs running beside it award, whatever they add.
  const quiet = await makeIssuer(`quiet-${stamp}`, 'Quiet Workshop');
  const quietAdmin = `quiet-admin-${stamp}@issuers.example`;
  const [quietUser] = await db
    .insert(users)
    .values({ name: 'Quinn Admin', passwordHash: await hashPassword(members.password) })
    .returning();
  if (!quietUser) throw new Error('no user');
  await db
    .insert(userEmails)
    .values({ userId: quietUser.id, email: quietAdmin, isPrimary: true, verifiedAt: new Date() });
  await addIssuerMember(db, { issuerId: quiet.id, email: quietAdmin, role: 'admin' });
  // An SVG the upload sanitiser would never let through, stored directly: what a sanitiser miss
  // would leave in the database, for the test that the image route's sandbox still holds.
  const scriptedSvgImageId = await storeImage(db, {
    contentType: 'image/svg+xml',
    bytes: new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
        "<script>document.documentElement.setAttribute('data-ran', 'yes')</script></svg>",
    ),
  });
  await loadLaborMarketData(db);
  const cloudAwardId = await publicCloudBadge(config, stamp);
  const undelivered = {
    desktop: await undeliveredIssuer(config, stamp, 'desktop', members.password),
    phone: await undeliveredIssuer(config, stamp, 'phone', members.password),
  };
  const file = process.env.E2E_FIXTURES ?? path.join(config.dataDir, 'fixtures.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      {
        labs,
        other,
        data,
        revokedKey: revoked.key,
        members,
        labsSlug: `e2e-labs-${stamp}`,
        quiet: { ...quiet, slug: `quiet-${stamp}`, admin: quietAdmin },
        scriptedSvgImageId,
        cloudAwardId,
        undelivered,
      },
      null,
      2,
    ),
  );
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
