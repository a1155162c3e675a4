import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import type { Config } from '@/lib/config';
import { enqueueEmails } from '@/lib/email/outbox';
import { badgeExpiringMessage } from '@/lib/email/render';

/** How long before an accepted badge expires its owner is reminded. */
export const REMIND_DAYS_BEFORE = 30;
const BATCH = 200;

type Due = {
  awardId: string;
  email: string;
  recipientName: string;
  badgeName: string;
  issuerName: string;
  expiresAt: Date | string;
};

/**
 * Queues the one reminder each accepted, unrevoked badge gets when it is within 30 days of
 * expiring, to its owner's primary address. The reminder's row is written in the same
 * transaction as its email: a second worker running at the same moment waits on that row and
 * then skips it, so the reminder goes out once. The outbox applies the "badge expiring" switch.
 */
export async function sendExpiryReminders(db: Db, input: { config: Pick<Config, 'appUrl' | 'isDemoMode'> }) {
  let queued = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = rowsOf<Due>(
        await tx.execute(sql`
          with claimed as (
            insert into award_expiry_reminders (award_id)
            select a.id from awards a
             where a.state = 'accepted' and a.revoked_at is null and a.user_id is not null
               and a.expires_at > now()
               and a.expires_at <= now() + make_interval(days => ${REMIND_DAYS_BEFORE})
               and not exists (select 1 from award_expiry_reminders r where r.award_id = a.id)
             order by a.expires_at
             limit ${BATCH}
            on conflict do nothing
            returning award_id)
          select a.id as "awardId", e.email, u.name as "recipientName", t.name as "badgeName",
                 i.name as "issuerName", a.expires_at as "expiresAt"
            from claimed c
            join awards a on a.id = c.award_id
            join users u on u.id = a.user_id
            join user_emails e on e.user_id = u.id and e.is_primary
            join badge_templates t on t.id = a.template_id
            join issuers i on i.id = a.issuer_id`),
      );
      const messages = await Promise.all(
        due.map(async (d) => ({
          awardId: d.awardId,
          message: {
            to: d.email,
            ...(await badgeExpiringMessage({
              recipientName: d.recipientName,
              badgeName: d.badgeName,
              issuerName: d.issuerName,
              expiresAt: new Date(d.expiresAt),
              badgeUrl: `${input.config.appUrl}/wallet/${d.awardId}`,
            })),
          },
        })),
      );
      await enqueueEmails(tx, { messages, isDemoMode: input.config.isDemoMode });
      return due.length;
    });
    queued += count;
    if (count < BATCH) return queued;
  }
}
