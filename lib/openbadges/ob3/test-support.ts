/** For the Open Badges 3.0 tests: accepted awards, and the documents a verifier would resolve. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db, Executor } from '@/db/client';
import { acceptWithToken } from '@/lib/awards/claim';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { type Fetcher, unreachableError } from '@/lib/net/types';
import { makeAward, makeIssuer, makeUser } from '@/test/factories';
import { issuerDid, issuerDocuments } from './did';
import { publicIssuerDocuments } from './issuer-documents';
import { listIssuerKeys } from './issuer-keys';

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

/** An award accepted by its learner (public unless told otherwise), with the learner's address. */
export async function acceptedAward(db: Db, issued?: Issued, input: { isPublic?: boolean } = {}) {
  const issuer = issued ?? (await makeIssuer(db, { validityDays: 365 }));
  const { award, token } = await makeAward(db, issuer, {
    evidence: [{ url: 'https://evidence.test/lab', narrative: 'Finished the lab.' }],
  });
  const { user } = await makeUser(db, { email: award.recipientEmail });
  await acceptWithToken(db, { token, userId: user.id, isPublic: input.isPublic });
  return { issued: issuer, award, email: award.recipientEmail };
}

/** The issuer's DID and key documents as the routes serve them, by URL, read from the database now. */
export async function servedDocuments(db: Db, issued: Issued) {
  const did = issuerDid(getConfig().appUrl, issued.issuer.slug);
  return { did, documents: issuerDocuments(did, await listIssuerKeys(db, issued.issuer.id)) };
}

/**
 * For @digitalbazaar/vc's checkStatus in tests about the proof (the status list has tests of its
 * own in lib/openbadges/status): the credential must name its revocation bit.
 */
export const statusNamed = async ({ credential }: { credential: Record<string, unknown> }) => ({
  verified:
    (credential.credentialStatus as { type?: string } | undefined)?.type === 'BitstringStatusListEntry',
});

const OWN_DID = /^did:web:([^:#]+(?::[^:#]+)*):issuers:([a-z0-9-]+)(?:#(.+))?$/;

/**
 * A DID or verification method of one of Laurel's own issuers (a did:web on APP_URL), read from
 * the database as the routes serve it; undefined for anything else. For offline checks with
 * @digitalbazaar/vc (the app's verifier reads these documents over HTTP from APP_URL).
 */
export async function resolveOwnIssuerDocument(db: Executor, url: string): Promise<unknown | undefined> {
  const match = OWN_DID.exec(url);
  const slug = match?.[2];
  if (!match || !slug) return undefined;
  if (`${url.split('#')[0]}` !== issuerDid(getConfig().appUrl, slug)) return undefined;
  const documents = await publicIssuerDocuments(db, slug);
  if (!documents) return undefined;
  return match[3] ? (documents.keyDocument(match[3]) ?? undefined) : documents.didDocument;
}

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
const handler = (module: { GET: unknown }) => module.GET as RouteHandler;

/** The public routes a verifier or wallet asks Laurel for, by path; each module loaded on first use. */
const OWN_ROUTES: { path: RegExp; names: string[]; load: () => Promise<RouteHandler> }[] = [
  {
    path: /^\/issuers\/([^/]+)\/did\.json$/,
    names: ['slug'],
    load: async () => handler(await import('@/app/issuers/[slug]/did.json/route')),
  },
  {
    path: /^\/issuers\/([^/]+)\/keys\/([^/]+)$/,
    names: ['slug', 'keyId'],
    load: async () => handler(await import('@/app/issuers/[slug]/keys/[keyId]/route')),
  },
  {
    path: /^\/ob\/v3\/status\/([^/]+)\/([^/]+)$/,
    names: ['slug', 'listId'],
    load: async () => handler(await import('@/app/ob/v3/status/[slug]/[listId]/route')),
  },
  {
    path: /^\/ob\/v3\/credentials\/([^/]+)$/,
    names: ['awardId'],
    load: async () => handler(await import('@/app/ob/v3/credentials/[awardId]/route')),
  },
  {
    // Reads the session: a test that asks for downloads mocks `@/auth` (next-auth loads only inside Next).
    path: /^\/ob\/v3\/credentials\/([^/]+)\/download\/([^/]+)$/,
    names: ['awardId', 'format'],
    load: async () => handler(await import('@/app/ob/v3/credentials/[awardId]/download/[format]/route')),
  },
];

/**
 * Laurel's own public routes (DID and key documents, status lists, hosted credentials and their
 * downloads) answered by their real handlers over HTTP on a local port, in place of APP_URL.
 * `fetch` is a verifier's Fetcher that sends APP_URL's host, over https (did:web) or http, there;
 * any other host cannot be reached.
 */
export async function serveOwnSite(): Promise<{ url: string; fetch: Fetcher; close(): Promise<void> }> {
  const { appUrl } = getConfig();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', appUrl);
    const route = OWN_ROUTES.find((candidate) => candidate.path.test(url.pathname));
    const match = route?.path.exec(url.pathname);
    if (!route || !match) return void res.writeHead(404).end();
    const params = Object.fromEntries(route.names.map((name, i) => [name, match[i + 1] ?? '']));
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    try {
      const response = await (await route.load())(new Request(url, { headers }), {
        params: Promise.resolve(params),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      log.error({ err: error }, 'test site: the route threw');
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ownHost = new URL(appUrl).host;
  const fetch: Fetcher = async (url, options) => {
    const asked = new URL(url);
    if (asked.host !== ownHost)
      throw unreachableError(`${asked.host} could not be reached (DNS lookup failed)`);
    const response = await globalThis.fetch(`${local}${asked.pathname}${asked.search}`, {
      headers: { Accept: options.accept },
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    return { url, finalUrl: url, redirected: false, status: response.status, contentType, body };
  };
  return {
    url: local,
    fetch,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
