import path from 'node:path';

const root = path.resolve('.e2e');

/** Where the e2e servers listen and keep their data. */
export const E2E = {
  resendPort: 3199,
  resendUrl: 'http://127.0.0.1:3199',
  main: { port: 3100, url: 'http://localhost:3100', dataDir: path.join(root, 'main') },
  demo: { port: 3101, url: 'http://localhost:3101', dataDir: path.join(root, 'demo') },
  fixturesFile: path.join(root, 'main', 'fixtures.json'),
};
