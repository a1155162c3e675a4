import { type Db, getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { findIssuerBySlug } from '@/lib/issuers/issuers';
import { ReportedError } from './errors';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECT_TIMEOUT',
]);

/** Network failures, and PostgreSQL's connection (08), authentication (28) and no-database errors. */
function isConnectionFailure(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (NETWORK_CODES.has(code) || /^(08|28)/.test(code) || code === '3D000') return true;
  }
  return false;
}

/** The URL without its password, to show. */
function shown(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return 'the URL';
  if (parsed.password) parsed.password = '***';
  return parsed.href;
}

/** The database, or a ReportedError saying how to reach it. */
export async function openDb(): Promise<Db> {
  try {
    return await getDb();
  } catch (error) {
    const url = getConfig().databaseUrl;
    if (!url || !isConnectionFailure(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReportedError(
      `Could not connect to DATABASE_URL (${shown(url)}): ${reason}. Check that PostgreSQL runs there and ` +
        'that the host, port, user, password and database are right, or unset DATABASE_URL to use the embedded database in DATA_DIR.',
    );
  }
}

/** The issuer with this slug, or a ReportedError saying how to find or create one. */
export async function requireIssuer(db: Db, slug: string) {
  const issuer = await findIssuerBySlug(db, slug);
  if (issuer) return issuer;
  throw new ReportedError(
    `No issuer with slug "${slug}". List issuers with npm run cli -- issuer list, ` +
      `or create it with npm run cli -- issuer create --slug ${slug} --name <name> --url <url> --email <email>.`,
  );
}
