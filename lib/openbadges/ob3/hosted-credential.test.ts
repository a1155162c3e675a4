import { eq } from 'drizzle-orm';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { issuerKeys, ob3Credentials } from '@/db/schema';
import { log } from '@/lib/log';
import { credentialForAward } from './credentials';
import { acceptedAward, serveOwnSite } from './test-support';

// The download route reads the session; next-auth loads only inside Next. Here nobody is signed in.
vi.mock('@/auth', () => ({ auth: async () => null }));

let site: Awaited<ReturnType<typeof serveOwnSite>>;
beforeAll(async () => {
  site = await serveOwnSite();
});
afterAll(() => site.close());

/** A public award's credential as kept, and a GET of its hosted paths over HTTP. */
async function publicCredential() {
  const db = await getDb();
  const { award } = await acceptedAward(db);
  const stored = await credentialForAward(db, award.id);
  if (!stored) throw new Error('no credential');
  const get = (path: string, accept?: string) =>
    fetch(`${site.url}/ob/v3/credentials/${award.id}${path}`, { headers: accept ? { Accept: accept } : {} });
  return { stored, get };
}

describe('the hosted credential', () => {
  it('answers application/vc+jwt with the RS256 VC-JWT, or the EdDSA one when ?alg=EdDSA asks', async () => {
    const { stored, get } = await publicCredential();
    for (const path of ['', '?alg=RS256']) {
      const response = await get(path, 'application/vc+jwt');
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vc+jwt');
      expect(await response.text()).toBe(stored.jwt.RS256);
    }
    const eddsa = await get('?alg=EdDSA', 'application/vc+jwt');
    expect(eddsa.status).toBe(200);
    expect(eddsa.headers.get('content-type')).toBe('application/vc+jwt');
    expect(eddsa.headers.get('access-control-allow-origin')).toBe('*');
    const token = await eddsa.text();
    expect(token).toBe(stored.jwt.EdDSA);
    expect(decodeProtectedHeader(token).alg).toBe('EdDSA');

    // alg picks the token's signature; a client asking for JSON-LD still gets JSON-LD.
    const ld = await get('?alg=EdDSA', 'application/vc+ld+json');
    expect(ld.headers.get('content-type')).toContain('application/vc+ld+json');
    expect(await ld.json()).toEqual(stored.json);
  });

  it('refuses an unknown, empty or repeated alg with a 400 problem naming the two it offers', async () => {
    const { get } = await publicCredential();
    for (const query of ['alg=HS256', 'alg=eddsa', 'alg=none', 'alg=', 'alg=EdDSA&alg=RS256']) {
      const response = await get(`?${query}`, 'application/vc+jwt');
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await response.json()) as { detail: string };
      expect(body.detail, query).toContain('RS256 (the default) or EdDSA');
    }
    const refused = await get('', 'text/html');
    expect(refused.status).toBe(406);
    expect(((await refused.json()) as { detail: string }).detail).toContain('?alg=EdDSA');
  });
});

describe('the credential downloads', () => {
  it('offer the RS256 VC-JWT as jwt and the EdDSA one as jwt-eddsa, as attachments', async () => {
    const { stored, get } = await publicCredential();
    const rs256 = await get('/download/jwt');
    expect(rs256.status).toBe(200);
    expect(rs256.headers.get('content-type')).toBe('application/vc+jwt');
    expect(rs256.headers.get('content-disposition')).toMatch(/^attachment; filename=".+-credential\.jwt"$/);
    expect(await rs256.text()).toBe(stored.jwt.RS256);

    const eddsa = await get('/download/jwt-eddsa');
    expect(eddsa.status).toBe(200);
    expect(eddsa.headers.get('content-type')).toBe('application/vc+jwt');
    expect(eddsa.headers.get('content-disposition')).toMatch(
      /^attachment; filename=".+-credential-eddsa\.jwt"$/,
    );
    expect(await eddsa.text()).toBe(stored.jwt.EdDSA);

    const unknown = await get('/download/jwt-es256');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe("when the issuer's signing keys cannot be read", () => {
  it('answers 503 problem+json with Retry-After, never a bare 500, for the credential and its files', async () => {
    const db = await getDb();
    const { award, issued } = await acceptedAward(db);
    // As if ENCRYPTION_KEYS had lost the key: the credential is not signed yet and cannot be.
    await db.delete(ob3Credentials).where(eq(ob3Credentials.awardId, award.id));
    await db
      .update(issuerKeys)
      .set({ privateKeyCiphertext: 'v2.gone.AAAA.AAAA.AAAA' })
      .where(eq(issuerKeys.issuerId, issued.issuer.id));
    const errors = vi.spyOn(log, 'error').mockImplementation(() => {});
    for (const path of ['', '/download/json', '/download/png']) {
      const response = await fetch(`${site.url}/ob/v3/credentials/${award.id}${path}`);
      expect(response.status, path).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('retry-after')).toBe('300');
      expect(((await response.json()) as { detail: string }).detail).toMatch(/try again later/i);
    }
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
