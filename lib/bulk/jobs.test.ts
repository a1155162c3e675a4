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
  it('keeps the good rows as a job and lists the bad ones, with a CSV of them to fix', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const cy = uniqueEmail('cy');
    const csvText = [
      'email,name,expires',
      `${uniqueEmail()},Ada,`,
      'ada-at-example.test,Ada,',
      `${uniqueEmail()},Bob,`,
      `${cy},"Cy, Jr.",yesterday`,
    ].join('\n');
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: template.id,
      userId: null,
      // A client may send any name: control characters (a NUL would be refused by PostgreSQL) go.
      fileName: 'cohort\u0000\n.csv',
      csv: csvText,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.job).toMatchObject({ status: 'validated', total: 2, fileName: 'cohort.csv' });
    expect(result.errors).toEqual([
      { rowNumber: 3, field: 'email', message: 'Enter an email address like name@example.com.' },
      {
        rowNumber: 5,
        field: 'expires',
        message: 'Enter a date like 2025-06-30, or a date and time with a time zone.',
      },
    ]);
    expect(result.rejectedCsv).toBe(
      'email,name,expires,problem\r\n' +
        'ada-at-example.test,Ada,,email: Enter an email address like name@example.com.\r\n' +
        `${cy},"Cy, Jr.",yesterday,"expires: Enter a date like 2025-06-30, or a date and time with a time zone."\r\n`,
    );
    const rows = await db
      .select({ rowNumber: bulkJobRows.rowNumber })
      .from(bulkJobRows)
      .where(eq(bulkJobRows.jobId, result.job.id))
      .orderBy(asc(bulkJobRows.rowNumber));
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('awards a repeated address (ignoring case) once: the later rows are left out and listed', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const ada = uniqueEmail('ada');
    const csv = [
      'email,name,notes',
      `${ada},Ada,first`,
      `${uniqueEmail()},Bob,`,
      `${ada.toUpperCase()},Ada again,second`,
      'nope,Cy,',
      `${ada},Ada 3,`,
    ].join('\n');
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: template.id,
      userId: null,
      fileName: 'a.csv',
      csv,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const repeated = `${ada} is already on row 2; each address is awarded once.`;
    expect(result.job.total).toBe(2);
    expect(result.errors).toEqual([
      { rowNumber: 4, field: 'email', message: repeated },
      { rowNumber: 5, field: 'email', message: 'Enter an email address like name@example.com.' },
      { rowNumber: 6, field: 'email', message: repeated },
    ]);
    // A repeated row is written back from what was stored: the address lower-cased, extra columns empty.
    expect(result.rejectedCsv?.split('\r\n')).toEqual([
      'email,name,notes,problem',
      `${ada},Ada again,,email: ${repeated}`,
      'nope,Cy,,email: Enter an email address like name@example.com.',
      `${ada},Ada 3,,email: ${repeated}`,
      '',
    ]);
  });

  it('makes no job when no row can be awarded, and still offers the rows to fix', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: template.id,
      userId: null,
      fileName: 'bad.csv',
      csv: 'email,name\nnope,Ada\nalso-nope,Bob\n',
    });
    expect(result).toMatchObject({ ok: false, errors: [{ rowNumber: 2 }, { rowNumber: 3 }] });
    expect(result.rejectedCsv).toContain('also-nope,Bob,email: Enter an email address');
    expect(await jobCount(issuer.id)).toBe(0);
  });

  it('refuses a file with more than 1,000 bad rows whole: probably the wrong file', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const rows = Array.from({ length: 1_001 }, (_, i) => `not-an-address-${i},Learner ${i}`);
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: template.id,
      userId: null,
      fileName: 'wrong.csv',
      csv: ['email,name', `${uniqueEmail()},Good`, ...rows].join('\n'),
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ rowNumber: null, message: expect.stringContaining('More than 1,000 rows have problems') }],
      rejectedCsv: null,
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
      rejectedCsv: null,
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
