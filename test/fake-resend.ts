import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** A stand-in for Resend's `POST /emails`, for Vitest and for a Next.js server under Playwright. */

export type ReceivedEmail = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  replyTo: string | null;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  /** Extra headers the message asked for (List-Unsubscribe …). */
  headers: Record<string, string>;
};

export type FakeResend = {
  url: string;
  emails: ReceivedEmail[];
  readonly requests: number;
  close(): Promise<void>;
};

type Reply = [status: number, body?: unknown];

const fail = (statusCode: number, name: string, message: string): Reply => [
  statusCode,
  { statusCode, name, message },
];

function reply(res: ServerResponse, [status, body]: Reply) {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function startFakeResend(
  options: {
    port?: number;
    /** The first N sends are refused with a 500. */
    failFirst?: number;
    /** The first N sends are taken, then the connection is cut before the answer (a lost reply). */
    dropAnswerOfFirst?: number;
    /** The first N sends are taken and never answered (a provider that hangs). */
    holdAnswerOfFirst?: number;
  } = {},
): Promise<FakeResend> {
  const emails: ReceivedEmail[] = [];
  // Resend answers a repeated Idempotency-Key with the first response instead of sending again.
  const idsByKey = new Map<string, string>();
  let requests = 0;

  async function acceptEmail(req: IncomingMessage): Promise<Reply> {
    requests += 1;
    if (requests <= (options.failFirst ?? 0)) return fail(500, 'application_error', 'Something went wrong');
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
      return fail(401, 'missing_api_key', 'Missing API key in the authorization header.');
    }
    const body = await readJson(req);
    if (!body) return fail(422, 'validation_error', 'Invalid JSON body.');
    for (const field of ['from', 'to', 'subject'] as const) {
      if (!body[field]) return fail(422, 'missing_required_field', `Missing \`${field}\` field.`);
    }
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const previous = key ? idsByKey.get(key) : undefined;
    if (previous) return [200, { id: previous }];
    const id = randomUUID();
    if (key) idsByKey.set(key, id);
    const { from, to, subject, html, text, reply_to } = body as Record<string, string | string[] | undefined>;
    emails.push({
      id,
      idempotencyKey: key,
      from: String(from),
      replyTo: reply_to ? [reply_to].flat().join(', ') : null,
      to: [to ?? []].flat(),
      subject: String(subject),
      html: typeof html === 'string' ? html : undefined,
      text: typeof text === 'string' ? text : undefined,
      headers:
        typeof body.headers === 'object' && body.headers !== null
          ? (body.headers as Record<string, string>)
          : {},
    });
    return [200, { id }];
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake-resend');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /emails') {
      acceptEmail(req).then(
        (answer) => {
          if (requests <= (options.holdAnswerOfFirst ?? 0)) return;
          if (requests <= (options.dropAnswerOfFirst ?? 0)) res.destroy();
          else reply(res, answer);
        },
        (cause: unknown) => reply(res, fail(500, 'application_error', String(cause))),
      );
    } else if (route === 'GET /__emails') {
      const to = url.searchParams.get('to');
      reply(res, [200, to ? emails.filter((email) => email.to.includes(to)) : emails]);
    } else if (route === 'DELETE /__emails') {
      // Keys stay remembered: clearing the inbox does not make Resend forget what it accepted.
      emails.length = 0;
      reply(res, [204]);
    } else {
      reply(res, fail(404, 'not_found', 'The requested endpoint does not exist.'));
    }
  });

  // Idle connections outlive the client's own keep-alive (about 4 s in Node's fetch), so the client
  // always closes first: a loaded machine cannot make it reuse a connection this server just closed.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((cause) => (cause ? reject(cause) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3999' } } });
  const fake = await startFakeResend({ port: Number(values.port) });
  console.log(`fake resend listening on ${fake.url}`);
}
