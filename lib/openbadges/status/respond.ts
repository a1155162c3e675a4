import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { type StatusListSigner, signedStatusList } from './list-credential';

const OPEN = { 'Access-Control-Allow-Origin': '*' };

/**
 * The HTTP answer for GET /ob/v3/status/<issuerSlug>/<listId>: the signed status list credential,
 * open to any origin. Cached for a minute by clients, with the list's version as ETag; our own
 * copy is rebuilt on the first fetch after a revocation, so the server never answers stale.
 */
export async function statusListResponse(
  db: Db,
  input: {
    request: Request;
    issuerSlug: string;
    listId: string;
    appUrl: string;
    signerFor: (issuerId: string) => Promise<StatusListSigner>;
  },
): Promise<Response> {
  const listId = z.uuid().safeParse(input.listId);
  const found = listId.success ? await signedStatusList(db, { ...input, listId: listId.data }) : null;
  if (!found)
    return problem({ status: 404, detail: 'There is no status list at this address.', headers: OPEN });
  const etag = `"${listId.data}-${found.version}"`;
  const headers = {
    ...OPEN,
    'Cache-Control': 'public, max-age=60',
    ETag: etag,
    Vary: 'Accept',
  };
  if (input.request.headers.get('if-none-match') === etag)
    return new Response(null, { status: 304, headers });
  const accept = input.request.headers.get('accept') ?? '';
  const type =
    /application\/(ld\+)?json/.test(accept) && !accept.includes('application/vc')
      ? accept.includes('application/ld+json')
        ? 'application/ld+json'
        : 'application/json'
      : 'application/vc+ld+json';
  return new Response(JSON.stringify(found.credential), {
    headers: { ...headers, 'Content-Type': `${type}; charset=utf-8` },
  });
}
