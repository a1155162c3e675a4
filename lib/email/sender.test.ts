import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { issuers, outbox } from '@/db/schema';
import { awardInputSchema } from '@/lib/awards/award-input';
import { createAward } from '@/lib/awards/create-award';
import { makeIssuer, testConfig, uniqueEmail } from '@/test/factories';
import { type FakeResend, startFakeResend } from '@/test/fake-resend';
import { createResendSender } from './send-email';
import { fromHeader, headerSafeName, replyToHeader } from './sender';

describe('fromHeader', () => {
  it('names the issuer, via the configured name, at the configured address', () => {
    expect(fromHeader('Laurel <badges@laurel.test>', 'Northbridge College')).toBe(
      '"Northbridge College via Laurel" <badges@laurel.test>',
    );
    expect(fromHeader('"Badge Desk" <desk@laurel.test>', 'Acme, Inc.')).toBe(
      '"Acme, Inc. via Badge Desk" <desk@laurel.test>',
    );
    expect(fromHeader('badges@laurel.test', 'Acme')).toBe('"Acme via Laurel" <badges@laurel.test>');
  });

  it('leaves EMAIL_FROM as it is for Laurel’s own messages', () => {
    expect(fromHeader('Laurel <badges@laurel.test>')).toBe('Laurel <badges@laurel.test>');
    expect(fromHeader('Laurel <badges@laurel.test>', ' "<>" ')).toBe('Laurel <badges@laurel.test>');
  });

  it('cannot be broken out of by the issuer’s name: no quotes, brackets, backslashes or new lines', () => {
    const header = fromHeader('Laurel <badges@laurel.test>', 'Evil" <a@b.c>\r\nBcc: x@y.z\\');
    expect(header).toBe('"Evil a@b.c Bcc: x@y.z via Laurel" <badges@laurel.test>');
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('keeps a long name to 64 characters', () => {
    const name = headerSafeName('Ж'.repeat(100));
    expect(Array.from(name)).toHaveLength(64);
    expect(name.endsWith('…')).toBe(true);
  });
});

describe('replyToHeader', () => {
  it('takes a plain address and nothing that could carry another header', () => {
    expect(replyToHeader(' badges@issuer.test ')).toBe('badges@issuer.test');
    expect(replyToHeader('')).toBeUndefined();
    expect(replyToHeader('a@b.test\r\nBcc: x@y.test')).toBeUndefined();
    expect(replyToHeader('Name <a@b.test>')).toBeUndefined();
  });
});

describe('the claim email as the provider receives it', () => {
  const originalBaseUrl = process.env.RESEND_BASE_URL;
  let fake: FakeResend | undefined;
  afterEach(async () => {
    if (originalBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
    else process.env.RESEND_BASE_URL = originalBaseUrl;
    await fake?.close();
  });

  it('is From "‹Issuer› via Laurel" at EMAIL_FROM’s address, with Reply-To the issuer’s address', async () => {
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    await db.update(issuers).set({ name: 'Northbridge "Labs"' }).where(eq(issuers.id, issuer.id));
    const email = uniqueEmail();
    await createAward({
      db,
      config: testConfig,
      issuer: { ...issuer, name: 'Northbridge "Labs"' },
      input: awardInputSchema.parse({ templateId: template.id, recipient: { email, name: 'Ada' } }),
    });
    const [row] = await db.select().from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);
    if (!row) throw new Error('no claim email queued');

    fake = await startFakeResend();
    process.env.RESEND_BASE_URL = fake.url;
    const send = createResendSender({ apiKey: 're_test_key', from: 'Laurel <badges@laurel.test>' });
    expect((await send(row.payload, row.id)).ok).toBe(true);
    expect(fake.emails[0]?.from).toBe('"Northbridge Labs via Laurel" <badges@laurel.test>');
    expect(fake.emails[0]?.replyTo).toBe('badges@issuer.test');
  });
});
