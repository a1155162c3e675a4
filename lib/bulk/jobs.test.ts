import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { bulkJobRows, bulkJobs } from '@/db/schema';
import { makeIssuer, uniqueEmail } from '@/test/factories';
import { createBulkJob, getBulkJob, startBulkJob } from './jobs';

const csvOf = (n: number) =>
  ['email,name', ...Array.from({ length: n }, (_, i) => `${uniqueEmail(`row${i}`)},Learner ${i}`)].join('\n');

async function jobCount(issuerId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(bulkJobs).where(eq(bulkJobs.issuerId, issuerId));
  return row?.n ?? 0;
}

describe('createBulkJob', () => {
  it('lists every bad row with its reason and writes nothing', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const csvText = [
      'email,name,expires',
      `${uniqueEmail()},Ada,`,
      'ada-at-example.test,Ada,',
      `${uniqueEmail()},Bob,`,
      `${uniqueEmail()},Cy,yesterday`,
    ].join('\n');
    const before = await jobCount(issuer.id);
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: template.id,
      userId: null,
      fileName: 'cohort.csv',
      csv: csvText,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { rowNumber: 3, field: 'email', message: 'must be an email address' },
        {
          rowNumber: 5,
          field: 'expires',
          message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone',
        },
      ],
    });
    expect(await jobCount(issuer.id)).toBe(before);
  });

  it('flags a repeated address (ignoring case) on the later rows only, with the bad rows', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const ada = uniqueEmail('ada');
    const csv = [
      'email,name',
      `${ada},Ada`,
      `${uniqueEmail()},Bob`,
      `${ada.toUpperCase()},Ada again`,
      'nope,Cy',
      `${ada},Ada 3`,
    ].join('\n');
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: template.id,
      userId: null,
      fileName: 'a.csv',
      csv,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { rowNumber: 4, field: 'email', message: `${ada} is already on row 2` },
        { rowNumber: 5, field: 'email', message: 'must be an email address' },
        { rowNumber: 6, field: 'email', message: `${ada} is already on row 2` },
      ],
    });
    expect(await jobCount(issuer.id)).toBe(0);
  });

  it('stores a clean file as a validated job with every row, in file order', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: template.id,
      userId: null,
      fileName: 'big.csv',
      csv: csvOf(1_201),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.job).toMatchObject({
      status: 'validated',
      total: 1_201,
      processed: 0,
      fileName: 'big.csv',
    });
    const rows = await db
      .select({ rowNumber: bulkJobRows.rowNumber, status: bulkJobRows.status })
      .from(bulkJobRows)
      .where(eq(bulkJobRows.jobId, result.job.id))
      .orderBy(asc(bulkJobRows.rowNumber));
    expect(rows).toHaveLength(1_201);
    expect(rows[0]).toEqual({ rowNumber: 2, status: 'pending' });
    expect(rows.at(-1)).toEqual({ rowNumber: 1_202, status: 'pending' });
  });

  it('refuses a file of 10,001 rows without writing anything', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: template.id,
      userId: null,
      fileName: 'huge.csv',
      csv: csvOf(10_001),
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ rowNumber: null, message: expect.stringContaining('at most 10,000') }],
    });
    expect(await jobCount(issuer.id)).toBe(0);
  });

  it("refuses another issuer's template", async () => {
    const db = await getDb();
    const mine = await makeIssuer(db);
    const theirs = await makeIssuer(db);
    await expect(
      createBulkJob(db, {
        issuerId: mine.issuer.id,
        templateId: theirs.template.id,
        userId: null,
        fileName: 'x.csv',
        csv: csvOf(1),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await jobCount(mine.issuer.id)).toBe(0);
  });
});

describe('startBulkJob and getBulkJob', () => {
  it('start the job once, and show it only to its own issuer', async () => {
    const db = await getDb();
    const mine = await makeIssuer(db);
    const other = await makeIssuer(db);
    const created = await createBulkJob(db, {
      issuerId: mine.issuer.id,
      templateId: mine.template.id,
      userId: null,
      fileName: 'cohort.csv',
      csv: csvOf(3),
    });
    if (!created.ok) throw new Error('invalid file');
    const jobId = created.job.id;

    expect(await getBulkJob(db, { issuerId: other.issuer.id, jobId })).toBeNull();
    expect(await getBulkJob(db, { issuerId: mine.issuer.id, jobId: 'not-a-uuid' })).toBeNull();
    await expect(startBulkJob(db, { issuerId: other.issuer.id, jobId })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await getBulkJob(db, { issuerId: mine.issuer.id, jobId })).toMatchObject({
      status: 'validated',
      total: 3,
      processed: 0,
      failed: 0,
      skipped: 0,
      failures: [],
    });

    // Another test file's runner may pick the job up once it runs, so only the answers are checked.
    expect(await startBulkJob(db, { issuerId: mine.issuer.id, jobId })).toMatchObject({ status: 'running' });
    expect((await startBulkJob(db, { issuerId: mine.issuer.id, jobId })).id).toBe(jobId);
  });
});
