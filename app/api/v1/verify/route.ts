import { publicVerifyPreflight, publicVerifyRoute } from '@/lib/api/public-verify';

export const dynamic = 'force-dynamic';

/** The public verifier: any Open Badge (2.0 or 3.0) by URL, JSON, JWT or baked image. */
export const POST = publicVerifyRoute();

export function OPTIONS() {
  return publicVerifyPreflight();
}
