'use server';

import { createBulkJob, startBulkJob } from '@/lib/bulk/jobs';
import type { BulkRowError } from '@/lib/bulk/parse-csv';
import { kickBulkJobs } from '@/lib/bulk/worker';
import { isAppError } from '@/lib/errors';
import { issuerActionContext } from '../../console';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

export type BulkState =
  | { status: 'idle' }
  | { status: 'error'; message: string; rowErrors?: BulkRowError[] }
  | { status: 'validated'; jobId: string; total: number; fileName: string }
  | { status: 'started'; jobId: string; total: number };

const memberOf = (slug: string) => issuerActionContext(slug);

/** Step 1: validate the whole file; nothing is awarded, and every bad row is listed. */
export async function validateCsvAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return { status: 'error', message: 'Choose a CSV file.' };
  if (file.size > MAX_CSV_BYTES) return { status: 'error', message: 'The file is larger than 5 MB.' };
  try {
    const { db, user, issuer } = await memberOf(String(formData.get('slug')));
    const result = await createBulkJob(db, {
      issuerId: issuer.id,
      templateId: String(formData.get('templateId')),
      userId: user.id,
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
  } catch (error) {
    if (isAppError(error)) return { status: 'error', message: error.message };
    throw error;
  }
}

/** Step 2: the issuer confirms; awarding runs in the background. */
export async function startCsvAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  try {
    const { db, issuer } = await memberOf(String(formData.get('slug')));
    const job = await startBulkJob(db, { issuerId: issuer.id, jobId: String(formData.get('jobId')) });
    kickBulkJobs();
    return { status: 'started', jobId: job.id, total: job.total };
  } catch (error) {
    if (isAppError(error)) return { status: 'error', message: error.message };
    throw error;
  }
}
