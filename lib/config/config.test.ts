import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getConfig, resetConfig } from './index';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetConfig();
});

function withEnv(env: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfig();
  return getConfig;
}

describe('configuration', () => {
  it('names every malformed variable', () => {
    const load = withEnv({
      DATABASE_URL: 'mysql://x',
      APP_URL: 'not a url',
      CLAIM_TOKEN_TTL_DAYS: 'soon',
      AUTH_SECRET: 'short',
      API_RATE_LIMIT_PER_MINUTE: '0',
      TRUSTED_PROXY_HOPS: 'two',
    });
    expect(load).toThrow(/TRUSTED_PROXY_HOPS: must be a whole number/);
    expect(load).toThrow(/API_RATE_LIMIT_PER_MINUTE: must be a whole number of at least 1/);
    expect(load).toThrow(/DATABASE_URL: must be a postgres/);
    expect(load).toThrow(/APP_URL: must be an http\(s\) URL/);
    expect(load).toThrow(/CLAIM_TOKEN_TTL_DAYS: must be a whole number of days/);
    expect(load).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it('needs nothing on a fresh machine: the secret is generated once and kept in the data directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laurel-config-'));
    const load = withEnv({
      DATABASE_URL: undefined,
      AUTH_SECRET: undefined,
      RESEND_API_KEY: undefined,
      DATA_DIR: dir,
      APP_URL: undefined,
    });
    const first = load();
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.isDemoMode).toBe(true);
    expect(first.appUrl).toBe('http://localhost:3000');
    expect(first.trustedProxyHops).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).authSecret).toBe(
      first.authSecret,
    );
    resetConfig();
    expect(getConfig().authSecret).toBe(first.authSecret);
  });

  it('leaves demo mode when a Resend key is set, and trims a trailing slash from APP_URL', () => {
    const config = withEnv({
      RESEND_API_KEY: 're_123',
      APP_URL: 'https://badges.example.org/',
      CLAIM_TOKEN_TTL_DAYS: '7',
      TRUSTED_PROXY_HOPS: '1',
    })();
    expect(config.trustedProxyHops).toBe(1);
    expect(config.isDemoMode).toBe(false);
    expect(config.appUrl).toBe('https://badges.example.org');
    expect(config.claimTokenTtlDays).toBe(7);
  });
});
