import { getDb } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { getCurrentUser } from '@/lib/auth/session';
import { getBulkJob } from '@/lib/bulk/jobs';
import { isAppError } from '@/lib/errors';
import { requireIssuerRole } from '@/lib/issuers/members';

/** Progress of a bulk job, polled by the console; members of the issuer only. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string; jobId: string }> },
) {
  const { slug, jobId } = await params;
  const user = await getCurrentUser();
  if (!user) return problem({ status: 401, detail: 'Sign in first.' });
  const db = await getDb();
  try {
    const { issuer } = await requireIssuerRole(db, { userId: user.id, slug });
    const job = await getBulkJob(db, { issuerId: issuer.id, jobId });
    if (!job) return problem({ status: 404, detail: 'No such job.' });
    return Response.json(job, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isAppError(error)) return problem({ status: 404, detail: 'No such job.' });
    throw error;
  }
}
