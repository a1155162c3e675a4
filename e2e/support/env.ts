import path from 'node:path';

// E2E_PORT_BASE lets two Playwright runs share a machine without clashing.
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
const root = path.resolve('.e2e', String(base));

/** Where the e2e servers listen and keep their data. */
export const E2E = {
  resendPort: base + 99,
  resendUrl: `http://127.0.0.1:${base + 99}`,
  remotePort: base + 98,
  remoteUrl: `http://localhost:${base + 98}`,
  main: { port: base, url: `http://localhost:${base}`, dataDir: path.join(root, 'main') },
  demo: { port: base + 1, url: `http://localhost:${base + 1}`, dataDir: path.join(root, 'demo') },
  fixturesFile: path.join(root, 'main', 'fixtures.json'),
  /** Data directories of the demos e2e/demo-launch.spec.ts starts with `npm run demo`'s launcher. */
  launchRoot: path.join(root, 'launch'),
};
