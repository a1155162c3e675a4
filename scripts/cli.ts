import { parseArgs } from 'node:util';
import { closeDb, getDb } from '@/db/client';
import { DataDirLockedError } from '@/db/pglite-lock';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { ConfigError } from '@/lib/config';
import { isAppError } from '@/lib/errors';
import { findIssuerBySlug, issuerInputSchema, upsertIssuer } from '@/lib/issuers/issuers';
import { addIssuerMember } from '@/lib/issuers/members';
import { readFeedSource } from '@/lib/jobs/feed-source';
import { formatImportSummary, importJobFeed } from '@/lib/jobs/import-feed';
import { importLaborMarketRelease } from '@/lib/labor-market/import/import-release';
import { stderrProgress } from '@/lib/labor-market/import/progress';
import { laborMarketFetch } from './cli/labor-market-fetch';

const USAGE = `Usage:
  npm run cli -- issuer create --slug <slug> --name <name> --url <url> --email <email> [--description <text>]
  npm run cli -- member add --issuer <slug> --email <user email> --role admin|staff
  npm run cli -- api-key create --issuer <slug> [--name <label>]   print a new API key (shown once)
  npm run cli -- jobs import <file|url> [--now <ISO date-time>]   import a schema.org JobPosting feed
  npm run cli -- labor-market import <dir> [--onet-version <x.y>]   load O*NET and BLS OEWS CSV files
      as the new labor-market release (the version is read from <dir>/README.md when not given)
  npm run cli -- labor-market fetch [--from <dir|zip>] [--onet-version <x.y>] [--years <n>]   download O*NET and BLS OEWS (--help)`;

class UsageError extends Error {}
/** A failure already explained in full: printed without the usage text. */
class ReportedError extends Error {}

async function apiKeyCreate(args: string[]) {
  const { values } = parseArgs({ args, options: { issuer: { type: 'string' }, name: { type: 'string' } } });
  if (!values.issuer) throw new UsageError('--issuer <slug> is required');
  const db = await getDb();
  const issuer = await findIssuerBySlug(db, values.issuer);
  if (!issuer)
    throw new UsageError(`No issuer with slug "${values.issuer}". Run "npm run seed" for the demo issuer.`);
  const { key } = await createApiKey(db, {
    actor: 'operator',
    issuerId: issuer.id,
    name: values.name ?? 'Created with the CLI',
  });
  console.error(`New API key for ${issuer.name}. It is shown only this once; store it now.`);
  console.log(key);
}

async function issuerCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      url: { type: 'string' },
      email: { type: 'string' },
      description: { type: 'string' },
    },
  });
  const parsed = issuerInputSchema.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const issuer = await upsertIssuer(await getDb(), parsed.data);
  console.log(`Issuer "${issuer.name}" is ready at /issuers/${issuer.slug} (id ${issuer.id}).`);
}

async function memberAdd(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { issuer: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } },
  });
  if (!values.issuer || !values.email)
    throw new UsageError('--issuer <slug> and --email <address> are required');
  if (values.role !== 'admin' && values.role !== 'staff')
    throw new UsageError('--role must be admin or staff');
  const db = await getDb();
  const issuer = await findIssuerBySlug(db, values.issuer);
  if (!issuer) throw new UsageError(`No issuer with slug "${values.issuer}".`);
  await addIssuerMember(db, { issuerId: issuer.id, email: values.email, role: values.role });
  console.log(`${values.email} is now ${values.role} at ${issuer.name}.`);
}

async function jobsImport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { now: { type: 'string' } },
  });
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) throw new UsageError('jobs import takes one file or URL');
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--now must be an ISO date-time, not "${values.now}"`);
  const text = await readFeedSource(source);
  const summary = await importJobFeed(await getDb(), { text, source, now });
  console.log(formatImportSummary(summary, source));
}

async function laborMarketImport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'onet-version': { type: 'string' } },
  });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) throw new UsageError('labor-market import takes one directory');
  const db = await getDb();
  const started = performance.now();
  let release: Awaited<ReturnType<typeof importLaborMarketRelease>>;
  try {
    release = await importLaborMarketRelease(db, {
      dir,
      onetVersion: values['onet-version'],
      progress: stderrProgress(),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (process.stderr.isTTY) process.stderr.write('\n'); // end the progress line
    throw new ReportedError(`Import failed. ${error.message}`);
  }
  for (const warning of release.warnings) console.error(`warning: ${warning}`);
  const n = (key: string) => (release.rowCounts[key] ?? 0).toLocaleString('en');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Imported O*NET ${release.onetVersion} and OEWS May ${release.wageYear} wages from ${release.source} in ${seconds} s: ` +
      `${n('occupations')} occupations (${n('occupationsWithWage')} with pay), ${n('technologies')} technologies ` +
      `(${n('hotTechnologies')} hot), ${n('aliases')} aliases. It is now the active release (${release.id}).`,
  );
}

async function main(argv: string[]) {
  const [noun, verb, ...rest] = argv;
  if (noun === 'issuer' && verb === 'create') return issuerCreate(rest);
  if (noun === 'member' && verb === 'add') return memberAdd(rest);
  if (noun === 'api-key' && verb === 'create') return apiKeyCreate(rest);
  if (noun === 'labor-market' && verb === 'import') return laborMarketImport(rest);
  if (noun === 'labor-market' && verb === 'fetch')
    return laborMarketFetch(rest, { UsageError, ReportedError });
  if (noun === 'jobs' && verb === 'import') return jobsImport(rest);
  throw new UsageError(
    noun ? `Unknown command: ${[noun, verb].filter(Boolean).join(' ')}` : 'No command given',
  );
}

main(process.argv.slice(2))
  .catch((error) => {
    if (error instanceof DataDirLockedError || error instanceof ReportedError) console.error(error.message);
    else if (error instanceof UsageError || error instanceof ConfigError || isAppError(error))
      console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof TypeError && 'code' in error) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
