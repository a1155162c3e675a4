import { getDb } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { getCurrentUser } from '@/lib/auth/session';
import { latestDataExport } from '@/lib/data-export/requests';

/** The signed-in user's newest data export (status and progress), polled by Settings while it runs. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return problem({ status: 401, detail: 'Sign in first.' });
  const view = await latestDataExport(await getDb(), user.id);
  return Response.json({ export: view }, { headers: { 'Cache-Control': 'private, no-store' } });
}
