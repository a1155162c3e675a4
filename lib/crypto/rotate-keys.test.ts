import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import { createSafePoster } from '@/lib/net/safe-post';
import { deliverWebhook } from '@/lib/webhooks/deliver';
import { createWebhookEndpoint, rotateWebhookSecret } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/events';
import { decryptWebhookSecret, encryptWebhookSecret, newWebhookSecret } from '@/lib/webhooks/secrets';
import { verifyWebhookSignature } from '@/lib/webhooks/sign';
import { makeIssuer } from '@/test/factories';
import { withOwnDatabase } from '@/test/own-database';
import { currentKeyring, resetKeyring } from './keyring';
import { reencryptRow, rotateStoredSecrets } from './rotate-keys';
import { STORED_SECRETS } from './stored-secrets';
import { freshKeys, legacyV1WebhookSecret, tamper, testKeyring } from './test-support';

// Rotation sweeps every row of the table.
withOwnDatabase({ label: 'keys' });

const savedKeys = process.env.ENCRYPTION_KEYS;
afterAll(() => {
  if (savedKeys === undefined) delete process.env.ENCRYPTION_KEYS;
  else process.env.ENCRYPTION_KEYS = savedKeys;
  resetKeyring();
});

async function storedValues() {
  const db = await getDb();
  return db
    .select({ id: webhookEndpoints.id, value: webhookEndpoints.secretCiphertext })
    .from(webhookEndpoints);
}

/** Endpoints whose secrets are stored exactly as given (under an older key, or as legacy v1). */
async function insertEndpoints(issuerId: string, stored: string[]) {
  const db = await getDb();
  const rows = stored.map((secretCiphertext, i) => ({
    issuerId,
    url: `https://hooks.example/${i}`,
    secretCiphertext,
  }));
  return db.insert(webhookEndpoints).values(rows).returning({ id: webhookEndpoints.id });
}

describe('keys rotate', () => {
  it('moves every secret from key A (and legacy v1) to key B, after which A can be removed', async () => {
    const db = await getDb();
    await db.delete(webhookEndpoints);
    const { issuer } = await makeIssuer(db);
    const a = freshKeys('key-a');
    const b = freshKeys('key-b');
    const secrets = Array.from({ length: 24 }, () => newWebhookSecret());
    const legacySecret = newWebhookSecret();
    const ids = await insertEndpoints(issuer.id, [
      ...secrets.map((secret) => encryptWebhookSecret(secret, a.keyring)),
      legacyV1WebhookSecret(legacySecret),
    ]);

    const both = testKeyring(`${b.value},${a.value}`);
    const report = await rotateStoredSecrets(db, { keyring: both, batchSize: 10 }); // three batches
    expect(report).toMatchObject({
      reencrypted: 25,
      changedMeanwhile: 0,
      failures: [],
      currentKeyId: 'key-b',
      unusedKeyIds: ['key-a'],
      usage: { 'key-b': 25 },
    });

    // Key A is gone from the ring: every row still reads back, to the secret it held.
    const byId = new Map((await storedValues()).map((row) => [row.id, row.value]));
    const bOnly = testKeyring(b.value);
    ids.forEach(({ id }, i) => {
      const stored = byId.get(id) ?? '';
      expect(stored.startsWith('v2.key-b.')).toBe(true);
      expect(decryptWebhookSecret(stored, bOnly)).toBe(secrets[i] ?? legacySecret);
    });

    // Nothing left to do: a second run re-encrypts nothing.
    expect((await rotateStoredSecrets(db, { keyring: both })).reencrypted).toBe(0);
  });

  it('reports a value it cannot decrypt, leaves it untouched and moves the rest', async () => {
    const db = await getDb();
    await db.delete(webhookEndpoints);
    const { issuer } = await makeIssuer(db);
    const a = freshKeys('key-a');
    const lost = freshKeys('lost');
    const tampered = tamper(encryptWebhookSecret(newWebhookSecret(), a.keyring), 4);
    const [good, bad, unknown] = await insertEndpoints(issuer.id, [
      encryptWebhookSecret(newWebhookSecret(), a.keyring),
      tampered,
      encryptWebhookSecret(newWebhookSecret(), lost.keyring),
    ]);
    const b = freshKeys('key-b');
    const report = await rotateStoredSecrets(db, { keyring: testKeyring(`${b.value},${a.value}`) });
    expect(report.reencrypted).toBe(1);
    expect(report.failures.map((f) => f.id).sort()).toEqual([bad?.id, unknown?.id].sort());
    expect(report.failures.find((f) => f.id === unknown?.id)?.message).toMatch(/key "lost".*add it back/);
    // A still holds the tampered row, so it is not reported as safe to remove.
    expect(report.unusedKeyIds).toEqual([]);
    expect(report.usage).toEqual({ 'key-b': 1, 'key-a': 1, lost: 1 });
    const byId = new Map((await storedValues()).map((row) => [row.id, row.value]));
    expect(byId.get(bad?.id ?? '')).toBe(tampered);
    expect(byId.get(good?.id ?? '')).toMatch(/^v2\.key-b\./);
  });

  it('never overwrites a secret rotated by the app between reading and writing the row', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const old = freshKeys('old');
    process.env.ENCRYPTION_KEYS = old.value;
    resetKeyring();
    const { endpoint } = await createWebhookEndpoint(db, {
      issuerId: issuer.id,
      url: 'http://127.0.0.1:9/hook',
      allowHosts: ['127.0.0.1'],
    });
    const [snapshot] = await db
      .select({ id: webhookEndpoints.id, value: webhookEndpoints.secretCiphertext })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpoint.id));
    if (!snapshot) throw new Error('no endpoint row');

    // The issuer rotates the webhook secret after keys rotate read the row, before it writes.
    const { secret } = await rotateWebhookSecret(db, { issuerId: issuer.id, endpointId: endpoint.id });
    const entry = STORED_SECRETS[0];
    if (!entry) throw new Error('no registered column');
    const keyring = testKeyring(`${freshKeys('new').value},${old.value}`);
    expect(await reencryptRow(db, { entry, row: snapshot, keyring })).toBe('changed');

    const [after] = await storedValues().then((rows) => rows.filter((row) => row.id === endpoint.id));
    expect(decryptWebhookSecret(after?.value ?? '', currentKeyring())).toBe(secret);
  });

  it('leaves webhook deliveries verifying with the same secret after a rotation', async () => {
    const db = await getDb();
    await db.delete(webhookEndpoints);
    const { issuer } = await makeIssuer(db);
    const received: boolean[] = [];
    let secret = '';
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const header = String(request.headers['laurel-signature']);
      received.push(verifyWebhookSignature({ secret, header, body }));
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const a = freshKeys('key-a');
      const b = freshKeys('key-b');
      process.env.ENCRYPTION_KEYS = a.value;
      resetKeyring();
      const created = await createWebhookEndpoint(db, {
        issuerId: issuer.id,
        url,
        allowHosts: ['127.0.0.1'],
      });
      secret = created.secret;

      // The operator prepends key B, restarts, rotates, then removes key A.
      process.env.ENCRYPTION_KEYS = `${b.value},${a.value}`;
      expect((await rotateStoredSecrets(db, { keyring: currentKeyring() })).unusedKeyIds).toEqual(['key-a']);
      process.env.ENCRYPTION_KEYS = b.value;

      const deliveryId = await sendTestEvent(db, { issuerId: issuer.id, endpointId: created.endpoint.id });
      const post = createSafePoster({ allowHosts: ['127.0.0.1'] });
      expect(await deliverWebhook({ db, deliveryId, isLastAttempt: false, post })).toBe('succeeded');
      expect(received).toEqual([true]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
