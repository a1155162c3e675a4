import { getDb } from '@/db/client';
import { issuerInputSchema } from '@/lib/issuers/issuers';
import { publicIssuerDocuments } from '@/lib/openbadges/ob3/issuer-documents';
import { didResponse, ob3NotFound } from '@/lib/openbadges/ob3/respond';

/** The issuer's did:web document (did:web:<host>:issuers:<slug> resolves here). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = issuerInputSchema.shape.slug.safeParse((await params).slug);
  const documents = slug.success ? await publicIssuerDocuments(await getDb(), slug.data) : null;
  if (!documents) return ob3NotFound('There is no issuer at this address.');
  return didResponse(documents.didDocument);
}
