import { z } from 'zod';
import { readOrCreateSecrets } from './secrets';

const optionalString = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

const envSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
  RESEND_API_KEY: optionalString,
  EMAIL_FROM: optionalString,
  // Read by lib/api/rate-limit.ts; validated here so a bad value stops the server at start-up.
  API_RATE_LIMIT_PER_MINUTE: optionalString.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, 'must be a whole number of at least 1')
      .optional(),
  ),
  // Proxies in front of the app that append to X-Forwarded-For; 0 means clients connect directly.
  TRUSTED_PROXY_HOPS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number (0 when nothing sits in front of the app)')
      .transform(Number)
      .pipe(z.number().max(10, 'must be at most 10'))
      .optional(),
  ),
  CLAIM_TOKEN_TTL_DAYS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of days')
      .transform(Number)
      .pipe(z.number().min(1, 'must be at least 1').max(365, 'must be at most 365'))
      .optional(),
  ),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string;
  appUrl: string;
  resendApiKey: string | undefined;
  emailFrom: string;
  claimTokenTtlDays: number;
  trustedProxyHops: number;
  isDemoMode: boolean;
};

export class ConfigError extends Error {}

function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR ?? '.data';
  const authSecret = e.AUTH_SECRET ?? readOrCreateSecrets(dataDir).authSecret;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    authSecret,
    appUrl: (e.APP_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    resendApiKey: e.RESEND_API_KEY,
    emailFrom: e.EMAIL_FROM ?? 'Laurel <badges@laurel.example>',
    claimTokenTtlDays: e.CLAIM_TOKEN_TTL_DAYS ?? 30,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS ?? 0,
    isDemoMode: !e.RESEND_API_KEY,
  };
}

const cache = globalThis as unknown as { laurelConfig?: Config };

/** The validated configuration; throws a ConfigError naming every bad variable. */
export function getConfig(): Config {
  cache.laurelConfig ??= loadConfig(process.env);
  return cache.laurelConfig;
}

/** For tests that change the environment. */
export function resetConfig() {
  cache.laurelConfig = undefined;
}
