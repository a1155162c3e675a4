/**
 * What production mode refuses to start without, each problem one line naming the variable and
 * the fix. Demo mode makes all of these optional (see ./index.ts).
 */

type Requirement = { name: string; fix: string };

/** Variables production requires, in the order their lines are printed. */
export const PRODUCTION_REQUIRED: readonly Requirement[] = [
  {
    name: 'AUTH_SECRET',
    fix: 'set it to a random string of at least 32 characters (e.g. `openssl rand -base64 32`), the same on every server',
  },
  { name: 'APP_URL', fix: 'set it to the public https:// address people use to reach Laurel' },
  { name: 'DATABASE_URL', fix: 'set it to a postgres:// URL (the embedded database is for the demo)' },
  {
    name: 'RESEND_API_KEY',
    fix: 'set it to a Resend API key so mail is sent (or set LAUREL_MODE=demo to keep mail at /dev/mailbox)',
  },
  {
    name: 'EMAIL_FROM',
    fix: 'set it to a sender on a domain verified in Resend, e.g. "Laurel <badges@example.org>"',
  },
  {
    name: 'ENCRYPTION_KEYS',
    fix: 'generate a key with `npm run cli -- keys generate` and set the same value on every server',
  },
];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const present = (value: string | undefined) => value !== undefined && value.trim() !== '';

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The production problems in `env`: required variables that are missing, and an APP_URL that
 * is plain http on a public host or names this machine on another port than the server's.
 * Malformed values are envSchema's to report, so each variable gets one line.
 */
export function productionProblems(env: NodeJS.ProcessEnv): string[] {
  const problems = PRODUCTION_REQUIRED.filter(({ name }) => !present(env[name])).map(
    ({ name, fix }) => `${name}: required in production — ${fix}`,
  );
  const appUrl = present(env.APP_URL) ? parseUrl((env.APP_URL as string).trim()) : null;
  if (!appUrl || !/^https?:$/.test(appUrl.protocol)) return problems;
  const isLoopback = LOOPBACK.has(appUrl.hostname);
  if (appUrl.protocol === 'http:' && !isLoopback) {
    problems.push(
      `APP_URL: must be an https:// URL in production (plain http only on localhost) — set it to https://${appUrl.host}`,
    );
  }
  const portText = present(env.PORT) ? (env.PORT as string).trim() : '3000';
  if (isLoopback && /^\d+$/.test(portText)) {
    const urlPort = appUrl.port || (appUrl.protocol === 'https:' ? '443' : '80');
    if (Number(urlPort) !== Number(portText)) {
      problems.push(
        `APP_URL: ${appUrl.origin} is this machine on port ${urlPort}, but the server listens on PORT ${portText} — ` +
          `make them match (APP_URL=${appUrl.protocol}//${appUrl.hostname}:${portText} or PORT=${urlPort})`,
      );
    }
  }
  return problems;
}
