import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { documentLoader } from '../lib/openbadges/vc/document-loader';
import { E2E } from './support/env';
import { awardBadge, fixtures, uniqueEmail } from './support/helpers';
import { acceptedBadge, learnerWithBadge, revoke } from './support/learner';
import { expectNoSidewaysScroll } from './support/look';

type Json = Record<string, unknown>;
const did = () => `did:web:localhost%3A${E2E.main.port}:issuers:${fixtures().labsSlug}`;

/** The issuer's DID document and each key document, as served: what a did:web verifier resolves. */
async function servedDocuments(request: APIRequestContext): Promise<Map<string, unknown>> {
  const response = await request.get(`/issuers/${fixtures().labsSlug}/did.json`);
  expect(response.status()).toBe(200);
  const document = (await response.json()) as Json & { verificationMethod: { id: string }[] };
  const known = new Map<string, unknown>([[did(), document]]);
  for (const method of document.verificationMethod) {
    const keyId = method.id.split('#')[1] ?? '';
    const key = await request.get(`/issuers/${fixtures().labsSlug}/keys/${encodeURIComponent(keyId)}`);
    expect(key.status()).toBe(200);
    known.set(method.id, await key.json());
  }
  return known;
}

test('a public badge is an OpenBadgeCredential at a stable URL, as JSON-LD or VC-JWT, verifiable from the DID document', async ({
  page,
  request,
}) => {
  const award = await acceptedBadge(page, request);
  const url = `/ob/v3/credentials/${award.id}`;

  const ld = await request.get(url, { headers: { Accept: 'application/vc+ld+json' } });
  expect(ld.status()).toBe(200);
  expect(ld.headers()['content-type']).toContain('application/vc+ld+json');
  expect(ld.headers()['content-security-policy']).toContain("default-src 'none'");
  const credential = (await ld.json()) as Json;
  expect(credential.id).toBe(`${E2E.main.url}${url}`);
  expect(credential.issuer).toMatchObject({ id: did(), type: ['Profile'] });
  expect(Array.isArray(credential.proof)).toBe(true);
  expect(JSON.stringify(credential)).not.toContain('@learners.example');
  for (const accept of ['application/ld+json', 'application/json', '*/*']) {
    const same = await request.get(url, { headers: { Accept: accept } });
    expect(same.headers()['content-type']).toContain('application/vc+ld+json');
  }

  const jwt = await request.get(url, { headers: { Accept: 'application/vc+jwt' } });
  expect(jwt.headers()['content-type']).toContain('application/vc+jwt');
  const token = await jwt.text();
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
  expect(String(header.kid)).toMatch(new RegExp(`^${did()}#`));
  expect(payload).toMatchObject({ iss: did(), jti: credential.id });
  const eddsa = await request.get(`${url}?alg=EdDSA`, { headers: { Accept: 'application/vc+jwt' } });
  expect(eddsa.headers()['content-type']).toContain('application/vc+jwt');
  const eddsaHeader = JSON.parse(
    Buffer.from((await eddsa.text()).split('.')[0] ?? '', 'base64url').toString(),
  );
  expect(eddsaHeader).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });
  expect(String(eddsaHeader.kid)).toMatch(new RegExp(`^${did()}#z6Mk`));
  expect(
    (await request.get(`${url}?alg=HS256`, { headers: { Accept: 'application/vc+jwt' } })).status(),
  ).toBe(400);

  const didResponse = await request.get(`/issuers/${fixtures().labsSlug}/did.json`);
  expect(didResponse.headers()['content-security-policy']).toContain("default-src 'none'");
  const known = await servedDocuments(request);
  const didDocument = known.get(did()) as Json & { '@context': string[] };
  expect(didDocument['@context'][0]).toBe('https://www.w3.org/ns/did/v1');
  const loader = documentLoader(known);
  const suite = new DataIntegrityProof({ cryptosuite });
  // The status list has its own checks (lib/openbadges/status); here: the credential names its bit.
  const checkStatus = async ({ credential: checked }: { credential: Json }) => ({
    verified: (checked.credentialStatus as Json | undefined)?.type === 'BitstringStatusListEntry',
  });
  const verified = await vc.verifyCredential({ credential, suite, documentLoader: loader, checkStatus });
  expect(verified.verified).toBe(true);
  const tampered = { ...credential, name: 'Another badge' };
  const refused = await vc.verifyCredential({
    credential: tampered,
    suite,
    documentLoader: loader,
    checkStatus,
  });
  expect(refused.verified).toBe(false);
});

test('unknown, pending and private awards and unknown issuers are the same 404', async ({
  page,
  request,
}) => {
  const pending = await awardBadge(request, { email: uniqueEmail('pending') });
  const { awardId: privateId } = await learnerWithBadge(page, request, 'Private');
  for (const path of [
    '/ob/v3/credentials/00000000-0000-4000-8000-000000000000',
    '/ob/v3/credentials/not-a-uuid',
    `/ob/v3/credentials/${pending.id}`,
    `/ob/v3/credentials/${privateId}`,
    '/issuers/no-such-issuer/did.json',
    `/issuers/${fixtures().labsSlug}/keys/z6MkNotAKey`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-type'], path).toContain('application/problem+json');
  }
  // The owner can still download a private badge's credential; nobody else can.
  const own = await page.request.get(`/ob/v3/credentials/${privateId}/download/json`);
  expect(own.status()).toBe(200);
  expect((await own.json()).id).toContain(privateId);
  expect((await request.get(`/ob/v3/credentials/${privateId}/download/json`)).status()).toBe(404);
});

test('the OB 3.0 PNG from a public page verifies at /verify with every check passing, and says revoked once revoked', async ({
  page,
  request,
}) => {
  const award = await acceptedBadge(page, request);
  await page.goto(`/badges/${award.id}`);
  const ob3 = page.getByRole('list', { name: 'Open Badges 3.0 signed credential' });
  const download = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      ob3.getByRole('link', { name }).click(),
    ]);
    return file;
  };
  const json = await download('Credential (JSON)');
  expect(json.suggestedFilename()).toMatch(/-credential\.json$/);
  const credential = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8'));
  expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  expect(credential.id).toBe(`${E2E.main.url}/ob/v3/credentials/${award.id}`);
  const algOf = async (file: Awaited<ReturnType<typeof download>>) => {
    const [header] = readFileSync((await file.path()) ?? '', 'utf8').split('.');
    return JSON.parse(Buffer.from(header ?? '', 'base64url').toString()).alg;
  };
  expect(await algOf(await download('Credential (JWT, RS256)'))).toBe('RS256');
  const eddsa = await download('Credential (JWT, EdDSA)');
  expect(eddsa.suggestedFilename()).toMatch(/-credential-eddsa\.jwt$/);
  expect(await algOf(eddsa)).toBe('EdDSA');
  const png = await download('Baked PNG image');
  expect(png.suggestedFilename()).toMatch(/-credential\.png$/);
  const file = (await png.path()) ?? '';

  const verify = async () => {
    await page.goto('/verify');
    await page.getByLabel('A baked badge image (PNG or SVG)').setInputFiles(file);
    await page.getByRole('button', { name: 'Verify' }).click();
  };
  await verify();
  await expect(page.getByText('Verified: every check passed.')).toBeVisible();
  for (const check of ['proof', 'issuer-key', 'revoked']) {
    await expect(page.locator(`[data-check="${check}"]`)).toHaveAttribute('data-status', 'pass');
  }
  // The key's long DID wraps: on a phone the report never makes the page scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await revoke(request, award.id, 'Awarded to the wrong learner');
  await verify();
  await expect(page.getByText('Not verified: at least one check failed.')).toBeVisible();
  await expect(page.locator('[data-check="revoked"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('[data-check="revoked"]')).toContainText(/revoked/i);
});

test('the wallet offers the credential to other wallets: a link to copy, its files and a QR code', async ({
  page,
  request,
}) => {
  const { awardId } = await learnerWithBadge(page, request);
  await page.goto(`/wallet/${awardId}`);
  const panel = page.getByRole('region', { name: 'Add to a digital wallet' });
  await expect(panel.getByLabel('Credential link')).toHaveValue(
    `${E2E.main.url}/ob/v3/credentials/${awardId}`,
  );
  await expect(panel.getByRole('img', { name: /QR code for the credential link/ })).toBeVisible();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('link', { name: 'Credential (.json)' }).click(),
  ]);
  expect(JSON.parse(readFileSync((await json.path()) ?? '', 'utf8')).id).toBe(
    `${E2E.main.url}/ob/v3/credentials/${awardId}`,
  );
  // The 3.0 files are offered once on this page: here, not again under Download.
  await expect(page.getByRole('list', { name: 'Open Badges 3.0 signed credential' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Open Badges 2.0 hosted badge' })).toBeVisible();
});
