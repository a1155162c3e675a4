import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import { DataDirLockedError } from '@/db/pglite-lock';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { ConfigError } from '@/lib/config';
import { findIssuerBySlug } from '@/lib/issuers/issuers';

const USAGE = `Usage:
  npm run cli -- api-key create --issuer <slug> [--name <label>]   print a new API key (shown once)`;

class UsageError extends Error {}

async function apiKeyCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { issuer: { type: 'string' }, name: { type: 'string' } } });
  if (!values.issuer) throw new UsageError('--issuer <slug> is required');
  const db = await getDb();
  const issuer = await findIssuerBySlug(db, values.issuer);
  if (!issuer)
    throw new UsageError(`No issuer with slug "${values.issuer}". Run "npm run seed" for the demo issuer.`);
  const { key } = await createApiKey(db, {
    issuerId: issuer.id,
    name: values.name ?? 'Created with the CLI',
  });
  console.error(`New API key for ${issuer.name}. It is shown only this once; store it now.`);
  console.log(key);
}

async function main(argv: string[]) {
  const [noun, verb, ...rest] = argv;
  if (noun === 'api-key' && verb === 'create') return apiKeyCreate(rest);
  throw new UsageError(
    noun ? `Unknown command: ${[noun, verb].filter(Boolean).join(' ')}` : 'No command given',
  );
}

main(process.argv.slice(2))
  .catch((error) => {
    if (error instanceof DataDirLockedError) console.error(error.message);
    else if (error instanceof UsageError || error instanceof ConfigError)
      console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof TypeError && 'code' in error) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
