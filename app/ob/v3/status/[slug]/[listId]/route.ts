import { getDb } from '@/db/client';
import { answerProblems } from '@/lib/api/problem';
import { getConfig } from '@/lib/config';
import { issuerSigner } from '@/lib/openbadges/ob3/signer';
import { statusListResponse } from '@/lib/openbadges/status/respond';

/** An issuer's signed BitstringStatusListCredential (revocation), for any verifier. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; listId: string }> },
) {
  const { slug, listId } = await params;
  const db = await getDb();
  return answerProblems(
    () =>
      statusListResponse(db, {
        request,
        issuerSlug: slug,
        listId,
        appUrl: getConfig().appUrl,
        signerFor: (issuerId) => issuerSigner(db, issuerId),
      }),
    { 'Access-Control-Allow-Origin': '*' },
  );
}
