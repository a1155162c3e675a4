import { XMLParser } from 'fast-xml-parser';
import extractChunks from 'png-chunks-extract';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { acceptWithToken } from '@/lib/awards/claim';
import { assertionDocument } from '@/lib/openbadges/ob2/documents';
import { makeAward, makeIssuer, makeUser, testConfig } from '@/test/factories';
import { buildDownload } from './downloads';
import { findPublicAward } from './public-award';

async function acceptedAward() {
  const db = await getDb();
  const { award, token } = await makeAward(db, await makeIssuer(db), {
    evidence: [{ url: 'https://labs.example/run/42', narrative: 'Passed' }],
  });
  const { user } = await makeUser(db, { email: award.recipientEmail });
  await acceptWithToken(db, { token, userId: user.id });
  const found = await findPublicAward(db, award.id);
  if (!found) throw new Error('award not public');
  return { db, found, hosted: assertionDocument(found.award, testConfig.appUrl) };
}

/** iTXt: keyword \0 flag method \0 language \0 translated keyword \0 text (PNG spec 11.3.4.5). */
function itxt(data: Uint8Array) {
  const buf = Buffer.from(data);
  const keyword = buf.subarray(0, buf.indexOf(0)).toString('latin1');
  let at = buf.indexOf(0) + 3;
  at = buf.indexOf(0, at) + 1;
  at = buf.indexOf(0, at) + 1;
  return { keyword, compressed: buf[keyword.length + 1], text: buf.subarray(at).toString('utf8') };
}

describe('baked downloads', () => {
  it('PNG: exactly one uncompressed openbadges iTXt chunk holding the hosted assertion; still a valid PNG', async () => {
    const { db, found, hosted } = await acceptedAward();
    const download = await buildDownload(db, found, 'png', testConfig.appUrl);
    const bytes = Buffer.from(download.body as Uint8Array);
    const chunks = extractChunks(bytes);
    const badgeChunks = chunks
      .filter((c) => c.name === 'iTXt')
      .map((c) => itxt(c.data))
      .filter((c) => c.keyword === 'openbadges');
    expect(badgeChunks).toHaveLength(1);
    expect(badgeChunks[0]?.compressed).toBe(0);
    expect(JSON.parse(badgeChunks[0]?.text ?? '')).toEqual(hosted);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBeGreaterThan(0);
    expect(download.filename).toBe(
      `linux-fundamentals-${found.issuer.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`,
    );
  });

  it('SVG: one openbadges:assertion element whose JSON is the hosted assertion and verify is its URL', async () => {
    const { db, found, hosted } = await acceptedAward();
    const download = await buildDownload(db, found, 'svg', testConfig.appUrl);
    const parsed = new XMLParser({ ignoreAttributes: false, cdataPropName: '#cdata' }).parse(
      download.body as string,
    );
    const svg = parsed.svg;
    expect(svg['@_xmlns:openbadges']).toBe('http://openbadges.org');
    const element = svg['openbadges:assertion'];
    expect(Array.isArray(element)).toBe(false);
    expect(element['@_verify']).toBe(hosted.id);
    expect(JSON.parse(element['#cdata'])).toEqual(hosted);
    await expect(
      sharp(Buffer.from(download.body as string))
        .png()
        .toBuffer(),
    ).resolves.toBeInstanceOf(Buffer);
  });

  it('JSON: the hosted assertion, recipient hashed', async () => {
    const { db, found, hosted } = await acceptedAward();
    const download = await buildDownload(db, found, 'json', testConfig.appUrl);
    expect(JSON.parse(download.body as string)).toEqual(hosted);
    expect(download.body).not.toContain(found.award.recipientEmail);
  });

  it("JSON of a revoked badge: the assertion marked revoked with the issuer's reason, named as revoked", async () => {
    const { db, found, hosted } = await acceptedAward();
    const revoked = {
      ...found,
      award: { ...found.award, revokedAt: new Date(), revocationReason: 'Issued in error' },
    };
    const download = await buildDownload(db, revoked, 'json', testConfig.appUrl);
    expect(JSON.parse(download.body as string)).toEqual({
      ...hosted,
      revoked: true,
      revocationReason: 'Issued in error',
    });
    expect(download.filename).toMatch(/-revoked\.json$/);
  });
});
