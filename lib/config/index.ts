import { encryptionKeysProblems } from '@/lib/crypto/encryption-keys';
import { envSchema } from './env-schema';
import { productionProblems } from './production';
import { readOrCreateSecrets } from './secrets';

/**
 * production: every requirement in ./production.ts, mail always sent, secrets only from the
 * environment. demo: everything optional, AUTH_SECRET generated into DATA_DIR, APP_URL follows
 * PORT, and mail kept at /dev/mailbox unless RESEND_API_KEY is set.
 */
export type Mode = 'production' | 'demo';

export type Config = {
  mode: Mode;
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string;
  appUrl: string;
  /** The port the server listens on (PORT, default 3000). */
  port: number;
  resendApiKey: string | undefined;
  emailFrom: string;
  claimTokenTtlDays: number;
  trustedProxyHops: number;
  /** VERIFY_RATE_LIMIT_PER_10_MINUTES; undefined keeps the built-in limit (30 per client). */
  verifyRateLimit: number | undefined;
  /** REDIS_URL: the shared cache of several app instances; undefined keeps everything in-process. */
  redisUrl: string | undefined;
  /** Whether this process runs background work (email, webhooks, bulk): see WORKERS. */
  workers: 'inline' | 'off';
  /** Bearer token for /metrics; undefined hides it. */
  metricsToken: string | undefined;
  logLevel: string;
  /** SHUTDOWN_TIMEOUT_SECONDS: how long a stopping web process waits for requests in flight. */
  shutdownTimeoutSeconds: number;
  /** SHUTDOWN_DELAY_SECONDS: how long it goes on accepting (ready says 503) before it stops listening. */
  shutdownDelaySeconds: number;
  /**
   * Mail is captured at /dev/mailbox instead of sent, and pages say so: demo mode without
   * RESEND_API_KEY. Never in production.
   */
  isDemoMode: boolean;
};

/** A configuration the server must not start with; `problems` holds one line per variable. */
export class ConfigError extends Error {
  constructor(
    readonly mode: Mode | undefined,
    readonly problems: string[],
  ) {
    const heading = mode ? `Invalid configuration (${mode} mode):` : 'Invalid configuration:';
    super([heading, ...problems.map((p) => `  ${p}`)].join('\n'));
    this.name = 'ConfigError';
  }
}

/** LAUREL_MODE, else demo when neither a database nor a mail provider is configured. */
function decideMode(env: NodeJS.ProcessEnv): Mode | undefined {
  const chosen = env.LAUREL_MODE?.trim();
  if (chosen) return chosen === 'production' || chosen === 'demo' ? chosen : undefined;
  return env.DATABASE_URL?.trim() || env.RESEND_API_KEY?.trim() ? 'production' : 'demo';
}

function loadConfig(env: NodeJS.ProcessEnv): Config {
  const mode = decideMode(env);
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  problems.push(...encryptionKeysProblems(env));
  if (mode === 'production') problems.push(...productionProblems(env));
  if (!parsed.success || !mode || problems.length > 0) throw new ConfigError(mode, problems);
  const e = parsed.data;
  const dataDir = e.DATA_DIR ?? '.data';
  const port = e.PORT ?? 3000;
  // Production has AUTH_SECRET by now; generating one per host would sign each host's own sessions.
  const authSecret = e.AUTH_SECRET ?? readOrCreateSecrets(dataDir).authSecret;
  return {
    mode,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    authSecret,
    appUrl: (e.APP_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    port,
    resendApiKey: e.RESEND_API_KEY,
    emailFrom: e.EMAIL_FROM ?? 'Laurel <badges@laurel.example>',
    claimTokenTtlDays: e.CLAIM_TOKEN_TTL_DAYS ?? 30,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS ?? 0,
    verifyRateLimit: e.VERIFY_RATE_LIMIT_PER_10_MINUTES,
    redisUrl: e.REDIS_URL,
    workers: e.WORKERS ?? (mode === 'demo' ? 'inline' : 'off'),
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL ?? 'info',
    shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT_SECONDS ?? 25,
    shutdownDelaySeconds: e.SHUTDOWN_DELAY_SECONDS ?? 0,
    isDemoMode: mode === 'demo' && !e.RESEND_API_KEY,
  };
}

const cache = globalThis as unknown as { laurelConfig?: Config };

/** The validated configuration; throws a ConfigError naming every bad or missing variable. */
export function getConfig(): Config {
  cache.laurelConfig ??= loadConfig(process.env);
  return cache.laurelConfig;
}

/** For tests that change the environment. */
export function resetConfig() {
  cache.laurelConfig = undefined;
}
