import { connection } from 'next/server';
import { getConfig } from '@/lib/config';

/**
 * Whether this running server keeps mail at /dev/mailbox instead of sending it. Cached public
 * pages are built once, possibly by a build without a mail provider, so they ask at run time.
 */
export async function GET() {
  await connection();
  return Response.json({ captured: getConfig().isDemoMode }, { headers: { 'Cache-Control': 'no-store' } });
}
