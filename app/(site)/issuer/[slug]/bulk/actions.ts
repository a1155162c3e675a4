'use server';

import { z } from 'zod';
import { issuerAction } from '@/lib/actions/form-action';
import { CHECK_ANSWERS, type FormError } from '@/lib/actions/form-state';
import { createBulkJob, startBulkJob } from '@/lib/bulk/jobs';
import type { BulkRowError } from '@/lib/bulk/parse-csv';
import { retryBulkJob } from '@/lib/bulk/retry';
import { AppError } from '@/lib/errors';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** A checked file's rows that will not be awarded: each problem, and the rows as a CSV to fix. */
export type Rejected = { fileName: string; rowErrors: BulkRowError[]; rejectedCsv: string | null };

export type BulkState =
  | { status: 'idle' }
  | (FormError & Partial<Rejected>)
  | ({ status: 'validated'; jobId: string; total: number } & Rejected)
  | { status: 'started'; jobId: string; total: number };

const validateSchema = z.object({ templateId: z.string(), file: z.unknown() });

const fileProblem = (message: string) =>
  new AppError('invalid', CHECK_ANSWERS, { fieldErrors: { file: [message] } });

/**
 * Step 1: check the whole file; nothing is awarded yet. The good rows become a job to confirm;
 * every bad row is listed, and offered back as a CSV with its problems.
 */
export const validateCsvAction = issuerAction<typeof validateSchema, BulkState>(
  { role: 'member', schema: validateSchema },
  async ({ input: { templateId, file }, db, actor, issuer }) => {
    if (!(file instanceof File) || file.size === 0) throw fileProblem('Choose a CSV file.');
    if (file.size > MAX_CSV_BYTES)
      throw fileProblem('The file is larger than 5 MB: split it into smaller files.');
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId,
      userId: actor.id,
      fileName: file.name,
      csv: file.stream(),
    });
    const rejected = { fileName: file.name, rowErrors: result.errors, rejectedCsv: result.rejectedCsv };
    if (result.ok) {
      return {
        status: 'validated',
        jobId: result.job.id,
        total: result.job.total,
        ...rejected,
      };
    }
    // A problem with the file as a whole (no header, not CSV, too many rows or problems).
    if (!result.rejectedCsv) throw fileProblem(result.errors.map((e) => e.message).join(' '));
    return {
      status: 'error',
      message: `None of the rows in ${file.name} can be awarded. Nothing was awarded: fix the rows listed below and check the file again.`,
      ...rejected,
    };
  },
);

const startSchema = z.object({ jobId: z.string() });

/** Step 2: the issuer confirms; awarding runs in the background. */
export const startCsvAction = issuerAction<typeof startSchema, BulkState>(
  { role: 'member', schema: startSchema },
  async ({ input: { jobId }, db, issuer }) => {
    const job = await startBulkJob(db, { issuerId: issuer.id, jobId });
    return { status: 'started', jobId: job.id, total: job.total };
  },
);

const retrySchema = z.object({ jobId: z.string() });

/** A member retries an upload that gave up, after fixing what made it fail. */
export const retryBulkJobAction = issuerAction(
  { role: 'member', schema: retrySchema },
  async ({ input: { jobId }, db, issuer }) => {
    await retryBulkJob(db, { issuerId: issuer.id, jobId });
    return { status: 'success' as const, message: 'Retrying the unfinished rows.' };
  },
);
