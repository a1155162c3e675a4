import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { apiKeys, bulkJobs, userEmails, webhookDeliveries } from '@/db/schema';
import type { Access } from '@/lib/actions/form-action';
import type { CurrentUser } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/sessions';
import { acceptWithToken } from '@/lib/awards/claim';
import { createBulkJob } from '@/lib/bulk/jobs';
import { addIssuerMember, type MemberRole } from '@/lib/issuers/members';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { makeAward, makeIssuer, makeUser } from './factories';
import { storeImportedBadge } from './imported-badges';

/** One victim issuer with its member, learner, badges, key, endpoint and bulk job; and strangers. */
export type World = Awaited<ReturnType<typeof makeWorld>>;

/** An action's valid form for its owner, and whether it names existing rows by id. */
export type Case = {
  access: Access;
  targetsIds: boolean;
  /** Only the signed-out refusal applies: holding the claim token is what makes it yours. */
  isTokenCapability?: boolean;
  form: (w: World) => Record<string, string | Blob> | Promise<Record<string, string | Blob>>;
};

async function person(db: Db, member?: { issuerId: string; role: MemberRole }): Promise<CurrentUser> {
  const { user, email } = await makeUser(db);
  if (member) await addIssuerMember(db, { ...member, email });
  return { id: user.id, name: user.name, email };
}

export async function makeWorld(db: Db) {
  const victim = await makeIssuer(db);
  const other = await makeIssuer(db);
  const issuerId = victim.issuer.id;
  const learner = await person(db);
  // A signed-in device of the learner's, for "sign out everywhere".
  await startSession(db, learner.id);
  const accepted = await makeAward(db, victim, { email: learner.email });
  await acceptWithToken(db, { token: accepted.token, userId: learner.id, isPublic: true });
  const pending = await makeAward(db, victim, { email: learner.email });
  const claim = await makeAward(db, victim);
  // A second confirmed address of the learner's, for the email address actions.
  const [extraEmail] = await db
    .insert(userEmails)
    .values({ userId: learner.id, email: `extra-${randomUUID()}@example.test`, verifiedAt: new Date() })
    .returning({ id: userEmails.id });
  const owner = await person(db, { issuerId, role: 'admin' });
  const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.issuerId, issuerId));
  const { endpoint } = await createWebhookEndpoint(db, {
    issuerId,
    url: 'http://127.0.0.1:9/hook',
    allowHosts: ['127.0.0.1'],
  });
  const job = await createBulkJob(db, {
    issuerId,
    templateId: victim.template.id,
    userId: owner.id,
    fileName: 'a.csv',
    csv: new Blob(['email,name\nbulk-learner@example.test,Bulk Learner\n']).stream(),
  });
  const failedJob = await createBulkJob(db, {
    issuerId,
    templateId: victim.template.id,
    userId: owner.id,
    fileName: 'b.csv',
    csv: new Blob(['email,name\nretry-learner@example.test,Retry Learner\n']).stream(),
  });
  if (!key || !job.ok || !failedJob.ok) throw new Error('world setup failed');
  // An upload that gave up (lib/bulk/run.ts), for the retry action.
  await db
    .update(bulkJobs)
    .set({ status: 'failed', lastError: 'the awards table refused a row' })
    .where(eq(bulkJobs.id, failedJob.job.id));
  // A delivery that ran out of attempts (lib/webhooks/deliver.ts), for the console's Retry.
  const [failedDelivery] = await db
    .insert(webhookDeliveries)
    .values({
      endpointId: endpoint.id,
      event: 'test',
      body: { type: 'test' },
      status: 'failed',
      attempts: 13,
      lastStatusCode: 500,
      lastError: 'The endpoint answered HTTP 500.',
      giveUpAt: new Date(),
    })
    .returning({ id: webhookDeliveries.id });
  if (!failedDelivery) throw new Error('world setup failed');
  const importedId = await storeImportedBadge(db, { userId: learner.id });
  return {
    issuerId,
    slug: victim.issuer.slug,
    otherSlug: other.issuer.slug,
    templateId: victim.template.id,
    acceptedId: accepted.award.id,
    pendingId: pending.award.id,
    claimToken: claim.token,
    extraEmailId: extraEmail?.id ?? '',
    keyId: key.id,
    endpointId: endpoint.id,
    jobId: job.job.id,
    failedJobId: failedJob.job.id,
    failedDeliveryId: failedDelivery.id,
    importedId,
    owner,
    learner,
    staff: await person(db, { issuerId, role: 'staff' }),
    stranger: await person(db),
    otherAdmin: await person(db, { issuerId: other.issuer.id, role: 'admin' }),
  };
}

// Workers (mail, webhooks) update these rows' delivery state on their own: count them only, and
// how many gave up (no worker runs here), which is what a person's retry changes.
const COUNTED_ONLY = new Map([
  ['outbox', sql`count(*) || '/' || count(*) filter (where status = 'failed')`],
  ['webhook_deliveries', sql`count(*) || '/' || count(*) filter (where status = 'failed')`],
  ['webhook_attempts', sql`count(*)::text`],
]);

/**
 * Every row of the victim's data, found by its link columns (issuer, award, learner, endpoint,
 * bulk job) in every table, so a table added later is covered too.
 */
export async function fingerprint(db: Db, w: World): Promise<Record<string, string>> {
  const links: Record<string, ReturnType<typeof sql>> = {
    issuer_id: sql`issuer_id = ${w.issuerId}`,
    award_id: sql`award_id in (select id from awards where issuer_id = ${w.issuerId})`,
    user_id: sql`user_id = ${w.learner.id}`,
    endpoint_id: sql`endpoint_id in (select id from webhook_endpoints where issuer_id = ${w.issuerId})`,
    job_id: sql`job_id in (select id from bulk_jobs where issuer_id = ${w.issuerId})`,
  };
  const columns = rowsOf<Record<string, string>>(
    await db.execute(sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name in ('issuer_id', 'award_id', 'user_id', 'endpoint_id', 'job_id')`),
  );
  const where = new Map<string, ReturnType<typeof sql>[]>([
    ['users', [sql`id = ${w.learner.id}`]],
    ['issuers', [sql`id = ${w.issuerId}`]],
  ]);
  for (const { table_name: table, column_name: column } of columns) {
    if (!table || !column) continue;
    where.set(table, [...(where.get(table) ?? []), links[column] ?? sql`false`]);
  }
  const out: Record<string, string> = {};
  for (const [table, conditions] of [...where].sort(([a], [b]) => a.localeCompare(b))) {
    const filter = sql.join(conditions, sql` or `);
    const value =
      COUNTED_ONLY.get(table) ?? sql`coalesce(md5(string_agg(t::text, '|' order by t::text)), '')`;
    const [row] = rowsOf<Record<string, string>>(
      await db.execute(sql`select ${value} as v from ${sql.identifier(table)} t where ${filter}`),
    );
    out[table] = row?.v ?? '';
  }
  return out;
}
