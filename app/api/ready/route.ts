import { connection } from 'next/server';
import { checkReadiness } from '@/lib/observability/readiness';

/**
 * Readiness for a load balancer: 200 when the database answers and its migrations are applied
 * ("degraded" when Redis, if set, does not answer: pages render from the database meanwhile);
 * 503 naming each check otherwise, and while shutting down. At most about 2 s.
 */
export async function GET() {
  await connection();
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === 'not ready' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
