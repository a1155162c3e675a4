import 'server-only';
import { and, eq, getTableColumns, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobPostings } from '@/db/schema';
import { getActiveRelease } from '@/lib/labor-market/release';
import { isOpenAt } from './active';
import { jobPostingSchema } from './feed-schema';
import { normalizePosting, type PostingDraft } from './normalize-posting';
import { rawIdentifier, readFeedEntries, wrongType } from './read-feed';
import { createResolver, type Resolved } from './resolve';

export type RejectedPosting = { position: number; identifier: string | null; reason: string };

export type FeedImportSummary = {
  /** Stored for the first time. */
  created: number;
  /** Replaced a stored copy with the same or an older datePosted. */
  updated: number;
  /** Not written: the stored copy has a later datePosted. */
  keptNewer: number;
  /** Past their validThrough (or undated and stale) at `now`: not imported. */
  expired: number;
  /** Stored copies of expired postings that were deleted. */
  removed: number;
  /** Earlier copies of a posting that appears again later in the same feed. */
  duplicates: number;
  rejected: RejectedPosting[];
};

export type ImportJobFeedOptions = {
  /** The feed's text: JSON (array, object or @graph) or JSON lines. */
  text: string;
  /** Where it came from (a path or URL), stored on each posting. */
  source: string;
  now?: Date;
  /** The labor-market release to match against; by default the active one (null: none). */
  releaseId?: string | null;
};

const BATCH = 500;
const keyOf = (draft: PostingDraft) => `${draft.orgKey}\u0000${draft.externalId}`;

/** "posting #5 (NOORG-1): hiringOrganization is required" */
export function describeRejection({ position, identifier, reason }: RejectedPosting): string {
  return `posting #${position}${identifier ? ` (${identifier})` : ''}: ${reason}`;
}

/** `["jobLocation", 1, "address"]` → `jobLocation[1].address` */
const pathText = (path: PropertyKey[]) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');

function validate(entries: ReturnType<typeof readFeedEntries>) {
  const rejected: RejectedPosting[] = [];
  const drafts: { position: number; draft: PostingDraft }[] = [];
  for (const entry of entries) {
    const reject = (reason: string, value?: unknown) =>
      rejected.push({ position: entry.position, identifier: rawIdentifier(value) ?? null, reason });
    if ('error' in entry) {
      reject(entry.error);
      continue;
    }
    const type = wrongType(entry.value);
    if (type) {
      reject(`@type must be JobPosting (found ${type})`, entry.value);
      continue;
    }
    const parsed = jobPostingSchema.safeParse(entry.value);
    if (!parsed.success) {
      reject(
        parsed.error.issues.map((i) => `${pathText(i.path) || 'posting'} ${i.message}`).join('; '),
        entry.value,
      );
      continue;
    }
    const draft = normalizePosting(parsed.data);
    if ('reason' in draft) reject(draft.reason, entry.value);
    else drafts.push({ position: entry.position, draft });
  }
  return { rejected, drafts };
}

/** One copy per (employer, identifier): the latest datePosted, the later one in the file on a tie. */
function latestCopies(drafts: { draft: PostingDraft }[]): PostingDraft[] {
  const latest = new Map<string, PostingDraft>();
  for (const { draft } of drafts) {
    const current = latest.get(keyOf(draft));
    if (!current || draft.datePosted >= current.datePosted) latest.set(keyOf(draft), draft);
  }
  return [...latest.values()];
}

function toRow(draft: PostingDraft, resolved: Resolved, source: string): typeof jobPostings.$inferInsert {
  const { salary, declaredOccupation: _declared, ...fields } = draft;
  return {
    ...fields,
    salaryCurrency: salary?.currency ?? null,
    salaryMin: salary?.min ?? null,
    salaryMax: salary?.max ?? null,
    salaryUnit: salary?.unit ?? null,
    salaryIsEstimate: salary?.isEstimate ?? false,
    occupationCode: resolved.occupationCode,
    technologySlugs: resolved.technologySlugs,
    source,
  };
}

// Every column but the key is replaced: a newer copy of a posting replaces it whole.
const { id: _id, orgKey: _orgKey, externalId: _externalId, ...replaced } = getTableColumns(jobPostings);
const replaceAll = {
  ...Object.fromEntries(
    Object.entries(replaced).map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  ),
  importedAt: sql`now()`,
};

/**
 * Imports a JobPosting feed: invalid items are reported and skipped, duplicates collapse to the
 * latest copy, expired postings are not stored (and a stored copy is deleted), and the rest is
 * upserted by (employer, identifier) in one transaction, never over a copy posted later.
 */
export async function importJobFeed(db: Executor, options: ImportJobFeedOptions): Promise<FeedImportSummary> {
  const now = options.now ?? new Date();
  const { rejected, drafts } = validate(readFeedEntries(options.text));
  const copies = latestCopies(drafts);
  const open = copies.filter((draft) => isOpenAt(draft, now));
  const expired = copies.filter((draft) => !isOpenAt(draft, now));
  const releaseId =
    options.releaseId !== undefined ? options.releaseId : ((await getActiveRelease(db))?.id ?? null);
  const resolve = await createResolver(db, releaseId, open);
  const rows: (typeof jobPostings.$inferInsert)[] = [];
  for (const draft of open) rows.push(toRow(draft, await resolve(draft), options.source));

  const summary = { created: 0, updated: 0, keptNewer: 0, removed: 0 };
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const written = await tx
        .insert(jobPostings)
        .values(batch)
        .onConflictDoUpdate({
          target: [jobPostings.orgKey, jobPostings.externalId],
          set: replaceAll,
          setWhere: sql`${jobPostings.datePosted} <= excluded.date_posted`,
        })
        .returning({ isNew: sql<boolean>`(xmax = 0)` });
      summary.created += written.filter((row) => row.isNew).length;
      summary.updated += written.filter((row) => !row.isNew).length;
      summary.keptNewer += batch.length - written.length;
    }
    for (const draft of expired) {
      const deleted = await tx
        .delete(jobPostings)
        .where(
          and(
            eq(jobPostings.orgKey, draft.orgKey),
            eq(jobPostings.externalId, draft.externalId),
            lte(jobPostings.datePosted, draft.datePosted),
          ),
        )
        .returning({ id: jobPostings.id });
      summary.removed += deleted.length;
    }
  });
  return { ...summary, expired: expired.length, duplicates: drafts.length - copies.length, rejected };
}

/** The import summary as the CLI prints it. */
export function formatImportSummary(summary: FeedImportSummary, source: string): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `Imported ${count(summary.created + summary.updated, 'posting')} from ${source}: ${summary.created} new, ${summary.updated} updated.`,
    `Skipped ${count(summary.expired, 'expired posting')}${summary.removed ? ` (removed ${count(summary.removed, 'stored copy', 'stored copies')})` : ''}.`,
    `${count(summary.duplicates, 'duplicate')} in the file (the latest datePosted was kept).`,
  ];
  if (summary.keptNewer)
    lines.push(`Kept ${count(summary.keptNewer, 'stored posting')} posted later than the feed's copy.`);
  lines.push(
    `Rejected ${summary.rejected.length}.`,
    ...summary.rejected.map((r) => `  ${describeRejection(r)}`),
  );
  return lines.join('\n');
}
