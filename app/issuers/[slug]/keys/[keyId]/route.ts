import { getDb } from '@/db/client';
import { issuerInputSchema } from '@/lib/issuers/issuers';
import { publicIssuerDocuments } from '@/lib/openbadges/ob3/issuer-documents';
import { didResponse, ob3NotFound } from '@/lib/openbadges/ob3/respond';

type Params = { params: Promise<{ slug: string; keyId: string }> };

/** One of the issuer's keys (current or retired) as its own Multikey or JsonWebKey document. */
export async function GET(_request: Request, { params }: Params) {
  const { slug, keyId } = await params;
  const parsed = issuerInputSchema.shape.slug.safeParse(slug);
  const documents = parsed.success ? await publicIssuerDocuments(await getDb(), parsed.data) : null;
  const document = documents?.keyDocument(decodeURIComponent(keyId).slice(0, 200));
  if (!document) return ob3NotFound('There is no key at this address.');
  return didResponse(document, 'application/json');
}
