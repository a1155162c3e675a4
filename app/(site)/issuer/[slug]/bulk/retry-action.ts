'use server';

import { retryBulkJob } from '@/lib/bulk/retry';
import { kickBulkJobs } from '@/lib/bulk/worker';
import { isAppError } from '@/lib/errors';
import { issuerActionContext } from '../../console';

export type RetryState = { status: 'idle' } | { status: 'error'; message: string } | { status: 'retried' };

/** A member retries an upload that gave up, after fixing what made it fail. */
export async function retryBulkJobAction(_previous: RetryState, formData: FormData): Promise<RetryState> {
  try {
    const { db, issuer } = await issuerActionContext(String(formData.get('slug')));
    await retryBulkJob(db, { issuerId: issuer.id, jobId: String(formData.get('jobId')) });
    kickBulkJobs();
    return { status: 'retried' };
  } catch (error) {
    if (isAppError(error)) return { status: 'error', message: error.message };
    throw error;
  }
}
