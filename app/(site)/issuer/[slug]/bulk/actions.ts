'use server';

import { z } from 'zod';
import { issuerAction } from '@/lib/actions/form-action';
import type { FormError } from '@/lib/actions/form-state';
import { createBulkJob, startBulkJob } from '@/lib/bulk/jobs';
import type { BulkRowError } from '@/lib/bulk/parse-csv';
import { retryBulkJob } from '@/lib/bulk/retry';
import { kickBulkJobs } from '@/lib/bulk/worker';
import { AppError } from '@/lib/errors';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

export type BulkState =
  | { status: 'idle' }
  | (FormError & { rowErrors?: BulkRowError[] })
  | { status: 'validated'; jobId: string; total: number; fileName: string }
  | { status: 'started'; jobId: string; total: number };

const validateSchema = z.object({ templateId: z.string(), file: z.unknown() });

/** Step 1: validate the whole file; nothing is awarded, and every bad row is listed. */
export const validateCsvAction = issuerAction<typeof validateSchema, BulkState>(
  { role: 'member', schema: validateSchema },
  async ({ input: { templateId, file }, db, actor, issuer }) => {
    if (!(file instanceof File) || file.size === 0)
      throw new AppError('invalid', 'Choose a CSV file.', { field: 'file' });
    if (file.size > MAX_CSV_BYTES)
      throw new AppError('invalid', 'The file is larger than 5 MB.', { field: 'file' });
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId,
      userId: actor.id,
      fileName: file.name,
      csv: file.stream(),
    });
    if (!result.ok) {
      return {
        status: 'error',
        message: `The file has ${result.errors.length} problem(s). Nothing was awarded.`,
        rowErrors: result.errors,
      };
    }
    return { status: 'validated', jobId: result.job.id, total: result.job.total, fileName: file.name };
  },
);

const startSchema = z.object({ jobId: z.string() });

/** Step 2: the issuer confirms; awarding runs in the background. */
export const startCsvAction = issuerAction<typeof startSchema, BulkState>(
  { role: 'member', schema: startSchema },
  async ({ input: { jobId }, db, issuer }) => {
    const job = await startBulkJob(db, { issuerId: issuer.id, jobId });
    kickBulkJobs();
    return { status: 'started', jobId: job.id, total: job.total };
  },
);

const retrySchema = z.object({ jobId: z.string() });

/** A member retries an upload that gave up, after fixing what made it fail. */
export const retryBulkJobAction = issuerAction(
  { role: 'member', schema: retrySchema },
  async ({ input: { jobId }, db, issuer }) => {
    await retryBulkJob(db, { issuerId: issuer.id, jobId });
    kickBulkJobs();
    return { status: 'success' as const, message: 'Retrying the unfinished rows.' };
  },
);
