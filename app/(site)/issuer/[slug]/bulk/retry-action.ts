'use server';

import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { retryBulkJob } from '@/lib/bulk/retry';
import { kickBulkJobs } from '@/lib/bulk/worker';
import { issuerActionContext } from '../../console';

/** A member retries an upload that gave up, after fixing what made it fail. */
export const retryBulkJobAction = formAction(
  z.object({ slug: z.string(), jobId: z.string() }),
  async ({ slug, jobId }) => {
    const { db, issuer } = await issuerActionContext(slug);
    await retryBulkJob(db, { issuerId: issuer.id, jobId });
    kickBulkJobs();
    return { status: 'success', message: 'Retrying the unfinished rows.' };
  },
);
