import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://localhost:3900';
const out = '/work/notes/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-dev-shm-usage', '--disable-background-networking'] });
const sizes = { desk: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
for (const [label, viewport] of Object.entries(sizes)) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
  const shot = async (name) => page.screenshot({ path: `${out}/${name}-${label}.png`, fullPage: true });
  if (label === 'desk') {
  await page.goto(`${base}/sign-up`);
  await page.getByLabel('Name').fill('Someone');
  await page.getByLabel('Email').fill('demo@laurel.example');
  await page.getByLabel('Password').fill('a-long-password-123');
  await page.getByRole('button', { name: /create/i }).click();
  await page.waitForTimeout(1500);
  await shot('signup-neutral');
  }
  await page.goto(`${base}/verify-email/resend`);
  await shot('verify-resend');
  await page.goto(`${base}/sign-in?callbackUrl=/%09/evil.example`);
  await page.getByLabel('Email').fill('demo@laurel.example');
  await page.getByLabel('Password').fill('laurel-demo-password');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/wallet/);
  await shot('after-signin');
  await page.goto(`${base}/settings`);
  await shot('settings');
  await page.goto(`${base}/wallet`);
  const hrefs = await page.locator('a[href^="/wallet/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  let id;
  for (const href of hrefs) {
    const candidate = href.split('/').pop();
    if ((await page.request.get(`${base}/badges/${candidate}`)).ok()) { id = candidate; break; }
  }
  await page.goto(`${base}/badges/${id}/verify`);
  await shot('badge-verify');
  await page.getByLabel('Email address', { exact: true }).fill('nobody@example.com');
  await page.getByRole('button', { name: 'Check this address' }).click();
  await page.waitForTimeout(1000);
  await shot('badge-verify-checked');
  await page.goto(`${base}/badges/00000000-0000-4000-8000-000000000000`);
  await shot('badge-unknown');
  await page.goto(`${base}/verify`);
  await page.getByRole('button', { name: /verify/i }).first().click();
  await page.waitForTimeout(1000);
  await shot('verify-empty');
  await page.goto(`${base}/issuer`);
  await shot('issuer');
  console.log(label, 'badge', id, 'console errors:', errors);
  await ctx.close();
}
await browser.close();
