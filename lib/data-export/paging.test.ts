import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { importedBadges } from '@/db/schema';
import type { VerificationReport } from '@/lib/openbadges/verify/types';
import { makeUser } from '@/test/factories';
import { importedHistory } from './imported-badges';
import { PAGE_SIZE } from './paging';

describe('paging through a learner’s badges during an export', () => {
  it('goes on past a page whose last badge the learner removed meanwhile', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    // All in one statement: they share their date, so the order within it is by id.
    const rows = await db
      .insert(importedBadges)
      .values(
        Array.from({ length: PAGE_SIZE + 7 }, (_, i) => ({
          userId: user.id,
          original: Buffer.from(`{"n":${i}}`),
          mediaType: 'application/json',
          format: 'test',
          credential: {},
          badgeName: `Badge ${i}`,
          issuerName: 'Elsewhere',
          isRecipientChecked: true,
          status: 'verified' as const,
          report: { verdict: 'verified', checks: [] } as unknown as VerificationReport,
          verifiedAt: new Date(),
          dedupeKey: randomBytes(12).toString('hex'),
        })),
      )
      .returning({ id: importedBadges.id });

    const seen: string[] = [];
    for await (const entry of importedHistory(db, user.id)) {
      seen.push(entry.id);
      // The last badge of the first page goes while the export reads it.
      if (seen.length === PAGE_SIZE) await db.delete(importedBadges).where(eq(importedBadges.id, entry.id));
    }

    expect(seen).toHaveLength(rows.length);
    expect(new Set(seen).size).toBe(rows.length);
  });
});
