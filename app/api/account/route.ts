import { NextResponse } from 'next/server';
import { getHeaderAccount } from '@/lib/auth/header-account';
import { SIGNED_IN_HINT } from '@/lib/auth/signed-in-hint';

/**
 * Who the header of a cached page should show, asked from the browser only when the signed-in
 * hint is there. A hint that outlived its session (expired, or signed out everywhere) is cleared.
 */
export async function GET() {
  const account = await getHeaderAccount();
  const response = NextResponse.json(
    account ? { signedIn: true, isIssuerMember: account.isIssuerMember } : { signedIn: false },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
  if (!account) response.cookies.delete(SIGNED_IN_HINT);
  return response;
}
