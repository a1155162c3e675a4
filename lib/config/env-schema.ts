import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

const email = z.email();

/** `Laurel <badges@example.org>` or a bare `badges@example.org`. */
export function isSenderAddress(value: string): boolean {
  const named = /^[^<>]*<([^<>]+)>$/.exec(value);
  return email.safeParse(named ? named[1] : value).success;
}

/** Every variable's shape. Which ones are required depends on the mode: see ./production.ts. */
export const envSchema = z.object({
  LAUREL_MODE: optionalString.pipe(
    z.enum(['production', 'demo'], { message: 'must be "production" or "demo" (or unset)' }).optional(),
  ),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: optionalString,
  AUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
  // The port `npm start` and `npm run demo` listen on; in demo mode APP_URL follows it.
  PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number')
      .transform(Number)
      .pipe(z.number().min(1, 'must be a port number').max(65535, 'must be a port number'))
      .optional(),
  ),
  HOST: optionalString,
  RESEND_API_KEY: optionalString,
  EMAIL_FROM: optionalString.pipe(
    z
      .string()
      .refine(
        isSenderAddress,
        'must be an address such as "Laurel <badges@example.org>" or badges@example.org',
      )
      .optional(),
  ),
  // Read by lib/api/rate-limit.ts; validated here so a bad value stops the server at start-up.
  API_RATE_LIMIT_PER_MINUTE: optionalString.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, 'must be a whole number of at least 1')
      .optional(),
  ),
  // Badge verifications per client per 10 minutes, the /verify page and POST /api/v1/verify
  // together (lib/accounts/request-limits.ts; default 30). There is no "off": at least 1.
  VERIFY_RATE_LIMIT_PER_10_MINUTES: optionalString.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, 'must be a whole number of at least 1')
      .transform(Number)
      .pipe(z.number().max(1_000_000_000, 'must be at most 1000000000'))
      .optional(),
  ),
  // Shared cache and cross-instance page revalidation (lib/redis); unset: each process keeps its own.
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
  // Who runs background work (email, webhooks, bulk awards): "inline" in this process, "off" for
  // web instances beside `npm run worker`. Default: inline in demo mode, off in production.
  WORKERS: optionalString.pipe(
    z.enum(['inline', 'off'], { message: 'must be "inline" or "off"' }).optional(),
  ),
  // Bearer token for GET /metrics (Prometheus); unset: /metrics answers 404.
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  // Seconds a worker holds a job before the queue hands it to another (lib/queue/kinds.ts); unset:
  // each kind's own (30–60 s). Short values are for fault tests.
  QUEUE_LEASE_SECONDS: optionalString.pipe(
    z
      .string()
      .regex(/^[1-9]\d*$/, 'must be a whole number of seconds')
      .transform(Number)
      .pipe(z.number().min(2, 'must be at least 2').max(3600, 'must be at most 3600'))
      .optional(),
  ),
  LOG_LEVEL: optionalString.pipe(
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .optional(),
  ),
  // How long a stopping web process (SIGTERM, SIGINT) lets requests in flight finish before it
  // cuts them off (lib/observability/shutdown.ts). Default 25, under a 30 s orchestrator grace.
  SHUTDOWN_TIMEOUT_SECONDS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of seconds')
      .transform(Number)
      .pipe(z.number().min(1, 'must be at least 1').max(600, 'must be at most 600'))
      .optional(),
  ),
  // How long a stopping web process keeps accepting connections, answering /api/ready with 503,
  // before it stops listening: time for a load balancer to take it out. Default 0.
  SHUTDOWN_DELAY_SECONDS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of seconds')
      .transform(Number)
      .pipe(z.number().max(60, 'must be at most 60'))
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

export type Env = z.infer<typeof envSchema>;
