import { z } from 'zod';
import { getDb } from '@/db/client';
import { answerProblems } from '@/lib/api/problem';
import { CREDENTIAL_FILE_FORMATS, credentialFile } from '@/lib/badges/credential-files';
import { downloadableAward, fileResponse, nothingToDownload } from '@/lib/badges/file-response';
import { credentialForAward } from '@/lib/openbadges/ob3/credentials';

type Params = { params: Promise<{ awardId: string; format: string }> };

/**
 * The Open Badges 3.0 credential as a file: signed JSON-LD (`json`), VC-JWT (`jwt` RS256,
 * `jwt-eddsa` EdDSA), or baked into the badge image (`png`, `svg`). A revoked badge's credential is
 * only the JSON, named as revoked (its status list entry says so to any verifier).
 */
export async function GET(_request: Request, { params }: Params) {
  const { awardId, format } = await params;
  const parsedFormat = z.enum(CREDENTIAL_FILE_FORMATS).safeParse(format);
  if (!parsedFormat.success || !z.uuid().safeParse(awardId).success) return nothingToDownload();
  const db = await getDb();
  const allowed = await downloadableAward(db, awardId, { isRecord: parsedFormat.data === 'json' });
  if ('refusal' in allowed) return allowed.refusal;
  const { found } = allowed;
  return answerProblems(async () => {
    const credential = await credentialForAward(db, found.award.id);
    if (!credential) return nothingToDownload();
    return fileResponse(await credentialFile(db, found, parsedFormat.data, credential));
  });
}
