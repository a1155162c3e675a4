import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import { makeIssuer } from '@/test/factories';
import {
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
} from './endpoints';
import { sendTestEvent } from './events';
import { decryptWebhookSecret } from './secrets';

const local = { allowHosts: ['127.0.0.1'] };

async function storedSecret(endpointId: string) {
  const db = await getDb();
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  return decryptWebhookSecret(row?.secretCiphertext ?? '');
}

describe('webhook endpoints', () => {
  it('refuses URLs that are not https or point at private or local addresses', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const refusals: [string, RegExp][] = [
      ['https://10.0.0.1/hook', /private or local network address/],
      ['https://127.0.0.1/hook', /private or local network address/],
      ['https://[::1]/hook', /private or local network address/],
      ['https://169.254.169.254/latest/meta-data', /private or local network address/],
      ['https://[::ffff:192.168.1.1]/hook', /private or local network address/],
      ['http://93.184.215.14/hook', /must start with https:\/\//],
      ['http://127.0.0.1:9/hook', /must start with https:\/\//],
      ['ftp://93.184.215.14/hook', /must start with https:\/\//],
      ['https://user:pass@93.184.215.14/hook', /user name or password/],
      ['not a url', /full URL/],
    ];
    for (const [url, message] of refusals) {
      await expect(
        createWebhookEndpoint(db, { issuerId: issuer.id, url, allowHosts: [] }),
      ).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(message) });
    }
    expect(await listWebhookEndpoints(db, issuer.id)).toEqual([]);
  });

  it('allows plain http to hosts in the allow list, as tests and local runs need', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const { endpoint } = await createWebhookEndpoint(db, {
      issuerId: issuer.id,
      url: 'http://127.0.0.1:9/hook',
      ...local,
    });
    expect(endpoint.url).toBe('http://127.0.0.1:9/hook');
  });

  it('shows the secret once and stores it only encrypted', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const { endpoint, secret } = await createWebhookEndpoint(db, {
      issuerId: issuer.id,
      url: 'http://127.0.0.1:9/hook',
      ...local,
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(await storedSecret(endpoint.id)).toBe(secret);
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row?.secretCiphertext).not.toContain(secret);

    const listed = await listWebhookEndpoints(db, issuer.id);
    expect(listed).toEqual([endpoint]);
    expect(JSON.stringify(listed)).not.toMatch(/whsec_|secret/i);
  });

  it('rotates the secret: the new one is returned once and replaces the old', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const created = await createWebhookEndpoint(db, {
      issuerId: issuer.id,
      url: 'http://127.0.0.1:9/',
      ...local,
    });
    const { secret } = await rotateWebhookSecret(db, {
      issuerId: issuer.id,
      endpointId: created.endpoint.id,
    });
    expect(secret).not.toBe(created.secret);
    expect(await storedSecret(created.endpoint.id)).toBe(secret);
  });

  it("disables an endpoint, harmlessly twice, and never another issuer's", async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const other = await makeIssuer(db);
    const { endpoint } = await createWebhookEndpoint(db, {
      issuerId: issuer.id,
      url: 'http://127.0.0.1:9/',
      ...local,
    });
    const ids = { issuerId: issuer.id, endpointId: endpoint.id };

    await expect(disableWebhookEndpoint(db, { ...ids, issuerId: other.issuer.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(rotateWebhookSecret(db, { ...ids, issuerId: other.issuer.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    const disabled = await disableWebhookEndpoint(db, ids);
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect((await disableWebhookEndpoint(db, ids)).disabledAt).toEqual(disabled.disabledAt);
    expect((await listWebhookEndpoints(db, issuer.id))[0]?.disabledAt).toEqual(disabled.disabledAt);
    await expect(sendTestEvent(db, ids)).rejects.toMatchObject({ code: 'conflict' });
    await expect(rotateWebhookSecret(db, ids)).rejects.toMatchObject({ code: 'conflict' });
  });
});
