import { z } from 'zod';
import { getDb } from '@/db/client';
import { answerProblems } from '@/lib/api/problem';
import { findPublicAward } from '@/lib/badges/public-award';
import { credentialForAward } from '@/lib/openbadges/ob3/credentials';
import { credentialResponse, ob3NotFound } from '@/lib/openbadges/ob3/respond';

/**
 * The hosted OpenBadgeCredential: JSON-LD (application/vc+ld+json) or VC-JWT (application/vc+jwt)
 * by the Accept header; the VC-JWT is RS256 unless `?alg=EdDSA` asks for the EdDSA one. Public
 * awards only; a revoked one is still served (its status says so).
 */
export async function GET(request: Request, { params }: { params: Promise<{ awardId: string }> }) {
  const id = z.uuid().safeParse((await params).awardId);
  const db = await getDb();
  return answerProblems(
    async () => {
      const found = id.success ? await findPublicAward(db, id.data) : null;
      const credential = found ? await credentialForAward(db, found.award.id) : null;
      if (!credential) return ob3NotFound();
      return credentialResponse(request, credential);
    },
    { 'Access-Control-Allow-Origin': '*' },
  );
}
