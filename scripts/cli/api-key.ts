import { parseArgs } from 'node:util';
import { createApiKey } from '@/lib/api-keys/api-keys';
import type { Command } from './command';
import { openDb, requireIssuer } from './db';
import { UsageError } from './errors';

async function create(args: string[]) {
  const { values } = parseArgs({ args, options: { issuer: { type: 'string' }, name: { type: 'string' } } });
  if (!values.issuer) throw new UsageError('--issuer <slug> is required');
  const db = await openDb();
  const issuer = await requireIssuer(db, values.issuer);
  const { key } = await createApiKey(db, {
    actor: 'operator',
    issuerId: issuer.id,
    name: values.name ?? 'Created with the CLI',
  });
  console.error(`New API key for ${issuer.name}. It is shown only this once; store it now.`);
  console.log(key);
}

export const apiKeyCommands: Command[] = [
  {
    name: 'api-key create',
    summary: 'Create an API key for an issuer and print it (it is shown only once).',
    usage: 'npm run cli -- api-key create --issuer <slug> [--name <label>]',
    details: `
The key is printed alone on standard output, so it can be piped into a secret store. Keys are
listed and revoked in the issuer console.

Options:
  --issuer <slug>   the issuer the key acts for
  --name <label>    a label shown in the console (default "Created with the CLI")

Example:
  npm run cli -- api-key create --issuer acme --name "LMS integration"`,
    run: create,
  },
];
