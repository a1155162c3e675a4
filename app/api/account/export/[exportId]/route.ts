import { getDb } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { getCurrentUser } from '@/lib/auth/session';
import { streamExport } from '@/lib/data-export/download';
import { downloadableExport } from '@/lib/data-export/requests';

type Params = { params: Promise<{ exportId: string }> };

/**
 * The zip, streamed from its chunk rows, for its signed-in owner only. Signed out, someone else's,
 * unknown, malformed, not ready or expired: the same 404.
 */
export async function GET(_request: Request, { params }: Params) {
  const { exportId } = await params;
  const user = await getCurrentUser();
  const db = await getDb();
  const found = user ? await downloadableExport(db, { userId: user.id, exportId }) : null;
  if (!found?.sizeBytes) return problem({ status: 404, detail: 'There is no file to download here.' });
  const day = found.createdAt.toISOString().slice(0, 10);
  return new Response(streamExport(db, { exportId: found.id, sizeBytes: found.sizeBytes }), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Length': String(found.sizeBytes),
      'Content-Disposition': `attachment; filename="laurel-data-${day}.zip"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
