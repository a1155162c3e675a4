/**
 * Another issuer's badge host for the e2e run: a hosted Open Badges 2.0 assertion, badge class
 * and issuer on its own origin, a redirect endpoint for SSRF tests, a slow copy of the assertion and
 * an expired one made out to any address.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port ?? 3198);
const origin = `http://localhost:${port}`;
const context = 'https://w3id.org/openbadges/v2';

const documents: Record<string, unknown> = {
  '/issuer.json': {
    '@context': context,
    type: 'Issuer',
    id: `${origin}/issuer.json`,
    name: 'Remote Robotics Academy',
    url: origin,
    email: 'badges@robotics.example',
  },
  '/badge.json': {
    '@context': context,
    type: 'BadgeClass',
    id: `${origin}/badge.json`,
    name: 'Robot Wrangler',
    description: 'Kept a robot fleet running for a week.',
    image: `${origin}/badge.svg`,
    criteria: { narrative: 'Operate the fleet for seven days.' },
    issuer: `${origin}/issuer.json`,
  },
  '/assertion.json': {
    '@context': context,
    type: 'Assertion',
    id: `${origin}/assertion.json`,
    recipient: { type: 'email', hashed: false, identity: 'robo@example.org' },
    badge: `${origin}/badge.json`,
    verification: { type: 'HostedBadge' },
    issuedOn: '2025-01-15T10:00:00Z',
  },
};

const webhooks: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', origin);
  // A webhook receiver: records what it gets, so tests can check signatures and bodies.
  if (url.pathname === '/webhook' && req.method === 'POST') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    webhooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200);
    return res.end('ok');
  }
  if (url.pathname === '/__webhooks') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify(webhooks));
  }
  if (url.pathname === '/redirect') {
    res.writeHead(302, { Location: url.searchParams.get('to') ?? '/' });
    return res.end();
  }
  // A host that takes its time: the graceful-shutdown test keeps a verification in flight with it.
  if (url.pathname === '/slow-assertion.json') {
    const ms = Math.min(Number(url.searchParams.get('ms')) || 0, 10_000);
    await new Promise((resolve) => setTimeout(resolve, ms));
    res.writeHead(200, { 'Content-Type': 'application/ld+json' });
    return res.end(JSON.stringify(documents['/assertion.json']));
  }
  // An assertion that expired, made out to the address the test asks for (it is hosted at that URL).
  if (url.pathname === '/expired-assertion.json') {
    res.writeHead(200, { 'Content-Type': 'application/ld+json' });
    return res.end(
      JSON.stringify({
        ...(documents['/assertion.json'] as object),
        id: url.href,
        recipient: { type: 'email', hashed: false, identity: url.searchParams.get('to') ?? '' },
        issuedOn: '2024-01-15T10:00:00Z',
        expires: '2025-01-15T10:00:00Z',
      }),
    );
  }
  if (url.pathname === '/badge.svg') {
    res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
    return res.end(
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><circle cx="150" cy="150" r="140" fill="#333"/></svg>',
    );
  }
  const doc = documents[url.pathname];
  if (!doc) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'Content-Type': 'application/ld+json' });
  res.end(JSON.stringify(doc));
});
// Idle connections outlive the clients' keep-alive (about 4 s in Node's fetch), so a loaded machine
// cannot make a webhook delivery or a verification reuse a connection this host just closed.
server.keepAliveTimeout = 30_000;
server.listen(port, () => console.log(`remote badge host on ${origin}`));
