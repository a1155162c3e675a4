import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/support/env';

const common = { NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret' };
// A keep-alive longer than Playwright's keeps reused connections from being reset mid-test.
const next = 'node_modules/.bin/next start --keepAliveTimeout 70000';
// Each run starts from empty embedded databases; PostgreSQL runs use the database they are given.
const fresh = (dir: string) => `rm -rf '${dir}' && mkdir -p '${dir}'`;
const prepare = 'node_modules/.bin/tsx --tsconfig tsconfig.scripts.json e2e/support/prepare.ts';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: E2E.main.url,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: `node_modules/.bin/tsx test/fake-resend.ts --port ${E2E.resendPort}`,
      url: `${E2E.resendUrl}/__emails`,
      reuseExistingServer: false,
    },
    {
      command: `node_modules/.bin/tsx e2e/support/remote-host.ts --port ${E2E.remotePort}`,
      url: `${E2E.remoteUrl}/issuer.json`,
      reuseExistingServer: false,
    },
    {
      // Email goes to the local fake Resend server through the real SDK.
      command: `${fresh(E2E.main.dataDir)} && ${prepare} && ${next} -p ${E2E.main.port}`,
      url: `${E2E.main.url}/help`,
      // prepare imports the labor-market release (187k rows) before the server starts.
      timeout: 300_000,
      reuseExistingServer: false,
      env: {
        ...common,
        // Demo mode with a provider: mail is sent (to the fake), so no banner and no mailbox, and
        // the embedded database is allowed when DATABASE_URL is unset.
        LAUREL_MODE: 'demo',
        DATA_DIR: E2E.main.dataDir,
        APP_URL: E2E.main.url,
        RESEND_API_KEY: 're_e2e_test_key',
        EMAIL_FROM: 'Laurel <badges@laurel.example>',
        RESEND_BASE_URL: E2E.resendUrl,
        // The stand-in for other issuers' badge hosts; 127.0.0.1 and everything private stay blocked.
        OUTBOUND_ALLOW_HOSTS: 'localhost',
        DATABASE_URL: process.env.DATABASE_URL ?? '',
      },
    },
    {
      // Demo mode: no provider, mail kept at /dev/mailbox. Always on its own embedded database.
      command: `${fresh(E2E.demo.dataDir)} && ${next} -p ${E2E.demo.port}`,
      url: `${E2E.demo.url}/help`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        ...common,
        LAUREL_MODE: 'demo',
        DATA_DIR: E2E.demo.dataDir,
        APP_URL: E2E.demo.url,
        RESEND_API_KEY: '',
        DATABASE_URL: '',
      },
    },
  ],
});
