import { sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { DELETION_GRACE_DAYS } from './grace';

/** Asked for and still within the grace period (by the database's clock, as the upkeep sees it). */
export const isDeletionInGrace = () =>
  sql`${users.deletionRequestedAt} > now() - make_interval(days => ${DELETION_GRACE_DAYS})`;

/** Asked for and past the grace period: final, waiting for the upkeep. */
export const isDeletionDue = () =>
  sql`${users.deletionRequestedAt} <= now() - make_interval(days => ${DELETION_GRACE_DAYS})`;
