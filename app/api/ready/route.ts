import { connection } from 'next/server';
import { checkReadiness } from '@/lib/observability/readiness';

/**
 * Readiness for a load balancer: 200 when the database answers, its migrations are applied and
 * Redis answers (when REDIS_URL is set); 503 naming each check otherwise, and while shutting down.
 * At most about 2 s.
 */
export async function GET() {
  await connection();
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === 'ready' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
