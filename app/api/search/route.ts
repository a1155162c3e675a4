import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { MAX_QUERY_LENGTH, searchLaborMarket } from '@/lib/labor-market/pages/search';
import { getActiveRelease } from '@/lib/labor-market/release';

/**
 * Suggestions for the explore search box: skills, occupations and job titles matching `q`.
 * Public and the same for everyone, so browsers and shared caches may keep answers briefly.
 */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q') ?? '';
  if (q.length > MAX_QUERY_LENGTH) {
    return problem({
      status: 400,
      detail: `q must be at most ${MAX_QUERY_LENGTH} characters.`,
      errors: { q: [`At most ${MAX_QUERY_LENGTH} characters`] },
    });
  }
  const db = await getDb();
  const release = await getActiveRelease(db);
  const suggestions = release ? await searchLaborMarket(db, { releaseId: release.id, query: q }) : [];
  return Response.json(
    { query: q, hasData: release !== null, suggestions },
    { headers: { 'Cache-Control': 'public, max-age=60' } },
  );
}
