import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getConfig, resetConfig } from './index';

const saved = { ...process.env };
/** Data directories made by the cases, removed after each. */
const made: string[] = [];
afterEach(() => {
  process.env = { ...saved };
  resetConfig();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Everything the configuration reads, cleared before each case so the test's environment decides.
const CONFIG_VARS = [
  'LAUREL_MODE',
  'DATABASE_URL',
  'DATA_DIR',
  'AUTH_SECRET',
  'APP_URL',
  'PORT',
  'HOST',
  'RESEND_API_KEY',
  'EMAIL_FROM',
  'ENCRYPTION_KEYS',
  'API_RATE_LIMIT_PER_MINUTE',
  'VERIFY_RATE_LIMIT_PER_10_MINUTES',
  'TRUSTED_PROXY_HOPS',
  'CLAIM_TOKEN_TTL_DAYS',
];

function withEnv(env: Record<string, string | undefined>) {
  for (const key of CONFIG_VARS) delete process.env[key];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfig();
  return getConfig;
}

function freshDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'laurel-config-'));
  made.push(dir);
  return dir;
}

/** A complete production environment; each case below breaks one thing. */
const production = {
  LAUREL_MODE: 'production',
  AUTH_SECRET: 'prod-secret-prod-secret-prod-secret-0123',
  APP_URL: 'https://badges.example.org',
  DATABASE_URL: 'postgres://laurel@db.internal:5432/laurel',
  RESEND_API_KEY: 're_live_key',
  EMAIL_FROM: 'Laurel <badges@example.org>',
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64url')}`,
};

/** The message lines of the ConfigError `load` throws. */
function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    return (error as Error).message.split('\n').slice(1);
  }
  throw new Error('the configuration was accepted');
}

describe('configuration', () => {
  it('names every malformed variable', () => {
    const load = withEnv({
      DATABASE_URL: 'mysql://x',
      APP_URL: 'not a url',
      CLAIM_TOKEN_TTL_DAYS: 'soon',
      AUTH_SECRET: 'short',
      API_RATE_LIMIT_PER_MINUTE: '0',
      VERIFY_RATE_LIMIT_PER_10_MINUTES: 'many',
      TRUSTED_PROXY_HOPS: 'two',
    });
    expect(load).toThrow(/VERIFY_RATE_LIMIT_PER_10_MINUTES: must be a whole number of at least 1/);
    expect(load).toThrow(/TRUSTED_PROXY_HOPS: must be a whole number/);
    expect(load).toThrow(/API_RATE_LIMIT_PER_MINUTE: must be a whole number of at least 1/);
    expect(load).toThrow(/DATABASE_URL: must be a postgres/);
    expect(load).toThrow(/APP_URL: must be an http\(s\) URL/);
    expect(load).toThrow(/CLAIM_TOKEN_TTL_DAYS: must be a whole number of days/);
    expect(load).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it('needs nothing on a fresh machine: the secret is generated once and kept in the data directory', () => {
    const dir = freshDir();
    const load = withEnv({ DATA_DIR: dir });
    const first = load();
    expect(first.mode).toBe('demo');
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.isDemoMode).toBe(true);
    expect(first.appUrl).toBe('http://localhost:3000');
    expect(first.port).toBe(3000);
    expect(first.trustedProxyHops).toBe(0);
    expect(first.verifyRateLimit).toBeUndefined();
    expect(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).authSecret).toBe(
      first.authSecret,
    );
    resetConfig();
    expect(getConfig().authSecret).toBe(first.authSecret);
  });

  it('sends mail in demo mode when a Resend key is set, and trims a trailing slash from APP_URL', () => {
    const config = withEnv({
      LAUREL_MODE: 'demo',
      DATA_DIR: freshDir(),
      RESEND_API_KEY: 're_123',
      APP_URL: 'https://badges.example.org/',
      CLAIM_TOKEN_TTL_DAYS: '7',
      TRUSTED_PROXY_HOPS: '1',
    })();
    expect(config.mode).toBe('demo');
    expect(config.trustedProxyHops).toBe(1);
    expect(config.isDemoMode).toBe(false);
    expect(config.appUrl).toBe('https://badges.example.org');
    expect(config.claimTokenTtlDays).toBe(7);
  });
});

describe('mode', () => {
  it('is demo with neither a database nor a mail provider, production with either', () => {
    expect(withEnv({ DATA_DIR: freshDir() })().mode).toBe('demo');
    expect(problemsOf(withEnv({ DATABASE_URL: production.DATABASE_URL }))).toContainEqual(
      expect.stringMatching(/^ {2}RESEND_API_KEY: required in production/),
    );
    expect(problemsOf(withEnv({ RESEND_API_KEY: 're_x' }))).toContainEqual(
      expect.stringMatching(/^ {2}DATABASE_URL: required in production/),
    );
    const { LAUREL_MODE: _, ...implied } = production;
    expect(withEnv(implied)().mode).toBe('production');
  });

  it('LAUREL_MODE overrides the default, and any other value is refused', () => {
    const demo = withEnv({
      LAUREL_MODE: 'demo',
      DATA_DIR: freshDir(),
      DATABASE_URL: production.DATABASE_URL,
    })();
    expect(demo.mode).toBe('demo');
    expect(demo.isDemoMode).toBe(true);
    expect(problemsOf(withEnv({ LAUREL_MODE: 'production' })).length).toBe(6);
    expect(withEnv({ LAUREL_MODE: 'staging' })).toThrow(/LAUREL_MODE: must be "production" or "demo"/);
  });
});

describe('production', () => {
  it('starts with every requirement met: mail is sent, no secret is generated', () => {
    const dir = freshDir();
    const config = withEnv({ ...production, DATA_DIR: dir })();
    expect(config).toMatchObject({ mode: 'production', isDemoMode: false, appUrl: production.APP_URL });
    expect(config.authSecret).toBe(production.AUTH_SECRET);
    expect(() => readFileSync(path.join(dir, 'secrets.json'))).toThrow(/ENOENT/);
  });

  it.each([
    ['AUTH_SECRET', /^ {2}AUTH_SECRET: required in production — set it to a random string of at least 32/],
    ['APP_URL', /^ {2}APP_URL: required in production — set it to the public https:\/\/ address/],
    ['DATABASE_URL', /^ {2}DATABASE_URL: required in production — set it to a postgres:\/\/ URL/],
    ['RESEND_API_KEY', /^ {2}RESEND_API_KEY: required in production — set it to a Resend API key/],
    ['EMAIL_FROM', /^ {2}EMAIL_FROM: required in production — set it to a sender on a domain verified/],
    [
      'ENCRYPTION_KEYS',
      /^ {2}ENCRYPTION_KEYS: required in production — generate a key with `npm run cli -- keys generate`/,
    ],
  ])('without %s: exactly one line, naming it and the fix', (name, line) => {
    const dir = freshDir();
    const problems = problemsOf(withEnv({ ...production, [name]: undefined, DATA_DIR: dir }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(line);
    expect(() => readFileSync(path.join(dir, 'secrets.json'))).toThrow(/ENOENT/);
  });

  it.each([
    ['AUTH_SECRET', 'too-short', /^ {2}AUTH_SECRET: must be at least 32 characters$/],
    ['APP_URL', 'http://badges.example.org', /^ {2}APP_URL: must be an https:\/\/ URL in production/],
    ['APP_URL', 'badges.example.org', /^ {2}APP_URL: must be an http\(s\) URL$/],
    ['DATABASE_URL', 'mysql://db/laurel', /^ {2}DATABASE_URL: must be a postgres/],
    ['EMAIL_FROM', 'Laurel <badges>', /^ {2}EMAIL_FROM: must be an address such as/],
    ['EMAIL_FROM', 'badges at example.org', /^ {2}EMAIL_FROM: must be an address such as/],
    ['ENCRYPTION_KEYS', 'k1:tooshort', /^ {2}ENCRYPTION_KEYS: key "k1"/],
    // A limit can be raised, never switched off.
    [
      'VERIFY_RATE_LIMIT_PER_10_MINUTES',
      '0',
      /^ {2}VERIFY_RATE_LIMIT_PER_10_MINUTES: must be a whole number/,
    ],
  ])('%s=%s is one line naming it', (name, value, line) => {
    const problems = problemsOf(withEnv({ ...production, [name]: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(line);
  });

  it('reads a raised verification limit in production', () => {
    const config = withEnv({ ...production, VERIFY_RATE_LIMIT_PER_10_MINUTES: ' 1000 ' })();
    expect(config.verifyRateLimit).toBe(1000);
  });

  it('accepts a bare sender address and plain http on this machine', () => {
    const config = withEnv({
      ...production,
      EMAIL_FROM: 'badges@example.org',
      APP_URL: 'http://127.0.0.1:3000',
    })();
    expect(config.emailFrom).toBe('badges@example.org');
    expect(config.appUrl).toBe('http://127.0.0.1:3000');
  });

  it('refuses an APP_URL on this machine whose port is not the one the server listens on', () => {
    const problems = problemsOf(withEnv({ ...production, APP_URL: 'http://localhost:3000', PORT: '3100' }));
    expect(problems).toEqual([
      expect.stringMatching(
        /^ {2}APP_URL: http:\/\/localhost:3000 is this machine on port 3000, but the server listens on PORT 3100/,
      ),
    ]);
    expect(problemsOf(withEnv({ ...production, APP_URL: 'http://[::1]:8080' }))[0]).toMatch(
      /APP_URL: .* on port 8080, but the server listens on PORT 3000/,
    );
    expect(withEnv({ ...production, APP_URL: 'http://localhost:3100', PORT: '3100' })().port).toBe(3100);
    // A public host is reached through a proxy, so its port says nothing about PORT.
    expect(withEnv({ ...production, PORT: '3100' })().appUrl).toBe(production.APP_URL);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf(withEnv({ LAUREL_MODE: 'production', AUTH_SECRET: 'short', PORT: 'abc' }));
    expect(problems.map((line) => line.trim().split(':')[0])).toEqual([
      'AUTH_SECRET',
      'PORT',
      'APP_URL',
      'DATABASE_URL',
      'RESEND_API_KEY',
      'EMAIL_FROM',
      'ENCRYPTION_KEYS',
    ]);
  });
});

describe('demo', () => {
  it('APP_URL follows PORT unless it is set', () => {
    const config = withEnv({ DATA_DIR: freshDir(), PORT: '4123' })();
    expect(config.appUrl).toBe('http://localhost:4123');
    expect(config.port).toBe(4123);
    expect(
      withEnv({ DATA_DIR: freshDir(), PORT: '4123', APP_URL: 'http://laptop.local:3000' })().appUrl,
    ).toBe('http://laptop.local:3000');
  });

  it.each([
    ['PORT', 'abc', /^ {2}PORT: must be a port number$/],
    ['PORT', '70000', /^ {2}PORT: must be a port number$/],
    ['APP_URL', 'localhost:3000', /^ {2}APP_URL: must be an http\(s\) URL$/],
    ['AUTH_SECRET', 'short', /^ {2}AUTH_SECRET: must be at least 32 characters$/],
    ['EMAIL_FROM', 'nobody', /^ {2}EMAIL_FROM: must be an address such as/],
    ['ENCRYPTION_KEYS', 'Bad Id:key', /^ {2}ENCRYPTION_KEYS: /],
  ])('still refuses %s=%s', (name, value, line) => {
    const problems = problemsOf(withEnv({ DATA_DIR: freshDir(), [name]: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(line);
  });
});
