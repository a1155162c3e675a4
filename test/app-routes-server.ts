/**
 * A local APP_URL that answers with the app's own Open Badges route handlers (credentials, DID
 * and key documents, status lists, 2.0 documents), so verification runs over real HTTP in Vitest.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GET as didDocument } from '@/app/issuers/[slug]/did.json/route';
import { GET as keyDocument } from '@/app/issuers/[slug]/keys/[keyId]/route';
import { GET as assertion } from '@/app/ob/v2/assertions/[id]/route';
import { GET as badgeClass } from '@/app/ob/v2/badges/[id]/route';
import { GET as ob2Issuer } from '@/app/ob/v2/issuers/[id]/route';
import { GET as credential } from '@/app/ob/v3/credentials/[awardId]/route';
import { GET as statusList } from '@/app/ob/v3/status/[slug]/[listId]/route';
import { resetConfig } from '@/lib/config';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: [RegExp, string[], Handler][] = [
  [/^\/ob\/v3\/credentials\/([^/]+)$/, ['awardId'], credential as Handler],
  [/^\/ob\/v3\/status\/([^/]+)\/([^/]+)$/, ['slug', 'listId'], statusList as Handler],
  [/^\/issuers\/([^/]+)\/did\.json$/, ['slug'], didDocument as Handler],
  [/^\/issuers\/([^/]+)\/keys\/([^/]+)$/, ['slug', 'keyId'], keyDocument as Handler],
  [/^\/ob\/v2\/assertions\/([^/]+)$/, ['id'], assertion as Handler],
  [/^\/ob\/v2\/badges\/([^/]+)$/, ['id'], badgeClass as Handler],
  [/^\/ob\/v2\/issuers\/([^/]+)$/, ['id'], ob2Issuer as Handler],
];

export type AppRoutesServer = { appUrl: string; asked: string[]; close: () => Promise<void> };

/** Starts the server and points APP_URL at it (set before any award is accepted: credentials name it). */
export async function startAppRoutesServer(): Promise<AppRoutesServer> {
  const asked: string[] = [];
  let appUrl = '';
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    asked.push(path);
    const route = ROUTES.find(([pattern]) => pattern.test(path));
    if (!route) return void res.writeHead(404).end();
    const [pattern, names, handler] = route;
    const values = pattern.exec(path)?.slice(1) ?? [];
    const params = Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']));
    const request = new Request(`${appUrl}${path}`, { headers: { accept: req.headers.accept ?? '*/*' } });
    const response = await handler(request, { params: Promise.resolve(params) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const saved = process.env.APP_URL;
  process.env.APP_URL = appUrl;
  resetConfig();
  return {
    appUrl,
    asked,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (saved === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = saved;
      resetConfig();
    },
  };
}
