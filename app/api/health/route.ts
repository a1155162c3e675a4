import { connection } from 'next/server';

/**
 * Liveness: the process answers HTTP. Touches nothing else (no database), so a slow database never
 * gets a healthy process restarted; readiness is /api/ready.
 */
export async function GET() {
  await connection();
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
