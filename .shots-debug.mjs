import { chromium } from '@playwright/test';
const base='http://localhost:3900';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await (await browser.newContext()).newPage();
page.on('response', (r) => { if (r.status() >= 400) console.log('bad', r.status(), r.url()); });
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
await page.goto(`${base}/badges/60f44f49-d02a-48f9-b8b0-4f5dd72851fb/verify`);
console.log(await page.getByLabel('Email address').evaluateAll((es) => es.map((e) => e.outerHTML.slice(0, 200))))
console.log(1, await page.locator('input[name=email]').evaluate((e) => e.outerHTML));
console.log(await page.locator('label:has-text("Email address")').evaluate((e) => e.outerHTML));
await browser.close();
