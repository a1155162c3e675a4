import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptAtRest } from '@/lib/crypto/at-rest';
import { keyringFrom } from '@/lib/crypto/keyring';
import { legacyV1WebhookSecret } from '@/lib/crypto/test-support';

// The CLI as an operator runs it, on a fresh embedded database of its own.
const dataDir = mkdtempSync(path.join(tmpdir(), 'laurel-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
for (const name of ['DATABASE_URL', 'PGLITE_PATH', 'ENCRYPTION_KEYS', 'AUTH_SECRET', 'LAUREL_MODE'])
  delete env[name];

type Run = { code: number; stdout: string; stderr: string };

function cli(...args: string[]): Promise<Run> {
  const tsx = path.join('node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['--tsconfig', 'tsconfig.scripts.json', 'scripts/cli.ts', ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** SQL on the CLI's database, between two runs (the CLI holds no lock then). */
async function onCliDatabase<T>(work: (pg: PGlite) => Promise<T>): Promise<T> {
  const pg = await PGlite.create(path.join(dataDir, 'pglite'));
  try {
    return await work(pg);
  } finally {
    await pg.close();
  }
}

const secretsJson = () =>
  JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as {
    authSecret: string;
    encryptionKeys: string;
  };

const acme = [
  '--slug',
  'acme',
  '--name',
  'Acme Labs',
  '--url',
  'https://acme.example',
  '--email',
  'b@acme.example',
];

describe('npm run cli', () => {
  it('prints help and exit 0 when asked, usage and exit 1 for usage mistakes only', async () => {
    const [overview, helpCommand, flagHelp, unknown, badOption] = await Promise.all([
      cli('--help'),
      cli('help', 'issuer', 'create'),
      cli('jobs', 'import', '-h'),
      cli('issuer', 'frobnicate'),
      cli('issuer', 'create', '--slug', 'acme', '--colour', 'red'),
    ]);
    expect(overview).toMatchObject({ code: 0, stderr: '' });
    expect(overview.stdout).toMatch(/^Usage: npm run cli -- <command>/);
    for (const name of ['issuer create', 'member add', 'api-key create', 'jobs import', 'keys rotate']) {
      expect(overview.stdout).toContain(name);
    }
    expect(helpCommand.code).toBe(0);
    expect(helpCommand.stdout).toContain('--update');
    expect(helpCommand.stdout).toContain('Example');
    expect(flagHelp.code).toBe(0);
    expect(flagHelp.stdout).toMatch(/^Usage: npm run cli -- jobs import <file\|url>/);

    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^Unknown command: issuer frobnicate\. "issuer" has: create, list, rotate-key\./,
    );
    expect(unknown.stderr).toContain('Usage:');
    expect(badOption.code).toBe(1);
    expect(badOption.stderr).toMatch(/^Unknown option '--colour'/);
    expect(badOption.stderr).toContain('Usage: npm run cli -- issuer create');
  });

  it('names the fix for a missing issuer, without usage or a stack trace', async () => {
    const run = await cli('api-key', 'create', '--issuer', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'No issuer with slug "nope". List issuers with npm run cli -- issuer list, or create it with ' +
        'npm run cli -- issuer create --slug nope --name <name> --url <url> --email <email>.',
    );
  });

  it('refuses to rename an issuer without --update, applies it with --update, and repeats harmlessly', async () => {
    expect((await cli('issuer', 'create', ...acme)).code).toBe(0);
    const refused = await cli('issuer', 'create', ...acme.slice(0, 2), '--name', 'Acme Inc.');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Issuer "acme" already exists (named "Acme Labs"). Pass --update to change it.',
    );
    expect(refused.stderr).not.toContain('Usage');

    const updated = await cli('issuer', 'create', ...acme.slice(0, 2), '--name', 'Acme Inc.', '--update');
    expect(updated.code).toBe(0);
    const again = await cli('issuer', 'create', ...acme.slice(0, 2), '--name', 'Acme Inc.');
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('nothing changed');
    const row = await onCliDatabase((pg) =>
      pg.query<{ name: string; url: string }>(`select name, url from issuers`),
    );
    expect(row.rows).toEqual([{ name: 'Acme Inc.', url: 'https://acme.example' }]);
  });

  it('fails a jobs import that rejects every posting', async () => {
    const feed = path.join(dataDir, 'bad-feed.json');
    writeFileSync(
      feed,
      JSON.stringify([{ '@type': 'JobPosting', title: 'No employer' }, { '@type': 'Person' }]),
    );
    const run = await cli('jobs', 'import', feed);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Rejected 2.');
    expect(run.stderr).toContain(`Every posting in ${feed} was rejected (2); nothing was imported.`);
  });

  it('generates keys, and rotates the demo keys in secrets.json, upgrading legacy values', async () => {
    const generated = await cli('keys', 'generate');
    expect(generated.code).toBe(0);
    expect(generated.stdout.trim()).toMatch(/^k\d{8}-[0-9a-f]{6}:[A-Za-z0-9_-]{43}$/);

    const before = secretsJson();
    const secret = 'whsec_legacy-secret';
    const [good, bad] = await onCliDatabase(async (pg) => {
      const issuer = await pg.query<{ id: string }>(`select id from issuers where slug = 'acme'`);
      const insert = (value: string) =>
        pg.query<{ id: string }>(
          `insert into webhook_endpoints (issuer_id, url, secret_ciphertext) values ($1, 'https://h.example', $2) returning id`,
          [issuer.rows[0]?.id, value],
        );
      const legacy = await insert(legacyV1WebhookSecret(secret, before.authSecret));
      const lost = await insert('v2.gone.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA');
      return [legacy.rows[0]?.id, lost.rows[0]?.id];
    });

    const failed = await cli('keys', 'rotate');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('Re-encrypted 1 stored secret under key');
    expect(failed.stderr).toContain(
      `webhook endpoint secrets, id ${bad}: The stored secret is encrypted with key "gone"`,
    );
    expect(secretsJson().encryptionKeys).toContain(before.encryptionKeys); // the old key is kept

    await onCliDatabase((pg) => pg.query('delete from webhook_endpoints where id = $1', [bad]));
    const rotated = await cli('keys', 'rotate');
    expect(rotated.code).toBe(0);
    const after = secretsJson();
    expect(after.authSecret).toBe(before.authSecret);
    expect(after.encryptionKeys.split(',')).toHaveLength(1);
    expect(after.encryptionKeys).not.toBe(before.encryptionKeys);
    const stored = await onCliDatabase((pg) =>
      pg.query<{ value: string }>('select secret_ciphertext as value from webhook_endpoints where id = $1', [
        good,
      ]),
    );
    const keyring = keyringFrom(after.encryptionKeys, 'secrets.json', () => 'not needed');
    expect(decryptAtRest(stored.rows[0]?.value ?? '', 'webhook-secret', keyring)).toBe(secret);
  });
});
