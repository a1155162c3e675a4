import { parseArgs } from 'node:util';
import {
  findIssuerBySlug,
  issuerChanges,
  issuerInputSchema,
  listIssuers,
  upsertIssuer,
} from '@/lib/issuers/issuers';
import { rotateIssuerKeys } from '@/lib/openbadges/ob3/issuer-keys';
import type { Command } from './command';
import { openDb, requireIssuer } from './db';
import { ReportedError, UsageError } from './errors';

const fieldOptions = {
  slug: { type: 'string' },
  name: { type: 'string' },
  url: { type: 'string' },
  email: { type: 'string' },
  description: { type: 'string' },
} as const;

function invalidOptions(issues: { path: PropertyKey[]; message: string }[]): UsageError {
  return new UsageError(issues.map((i) => `--${i.path.map(String).join('.')}: ${i.message}`).join('\n'));
}

async function create(args: string[]) {
  const { values } = parseArgs({ args, options: { ...fieldOptions, update: { type: 'boolean' } } });
  const { update: isUpdate, ...fields } = values;
  if (!fields.slug) throw new UsageError('--slug <slug> is required');
  const db = await openDb();
  const stored = await findIssuerBySlug(db, fields.slug);
  if (!stored) {
    const parsed = issuerInputSchema.safeParse(fields);
    if (!parsed.success) throw invalidOptions(parsed.error.issues);
    const issuer = await upsertIssuer(db, parsed.data);
    console.log(`Created issuer "${issuer.name}" at /issuers/${issuer.slug} (id ${issuer.id}).`);
    return;
  }
  // An existing issuer: the options given are checked, the others keep their stored values.
  const parsed = issuerInputSchema.partial().safeParse(fields);
  if (!parsed.success) throw invalidOptions(parsed.error.issues);
  const changes = issuerChanges(stored, parsed.data);
  if (changes.length === 0) {
    console.log(`Issuer "${stored.name}" already exists with these values; nothing changed.`);
    return;
  }
  const listed = changes.map((c) => `  ${c.field}: "${c.from}" → "${c.to}"`).join('\n');
  if (!isUpdate) {
    throw new ReportedError(
      `Issuer "${stored.slug}" already exists (named "${stored.name}"). Pass --update to change it.\n${listed}`,
    );
  }
  const issuer = await upsertIssuer(db, {
    slug: stored.slug,
    name: parsed.data.name ?? stored.name,
    url: parsed.data.url ?? stored.url,
    email: parsed.data.email ?? stored.email,
    description: parsed.data.description ?? stored.description,
    imageId: stored.imageId,
  });
  console.log(`Updated issuer "${issuer.name}" (/issuers/${issuer.slug}):\n${listed}`);
}

async function list(args: string[]) {
  parseArgs({ args, options: {} });
  const issuers = await listIssuers(await openDb());
  if (issuers.length === 0) {
    console.log(
      'No issuers yet. Create one with npm run cli -- issuer create (see npm run cli -- help issuer create).',
    );
    return;
  }
  for (const issuer of issuers) console.log(`${issuer.slug}\t${issuer.name}\t${issuer.url}`);
}

async function rotateKey(args: string[]) {
  const { values } = parseArgs({ args, options: { issuer: { type: 'string' } } });
  if (!values.issuer) throw new UsageError('--issuer <slug> is required');
  const db = await openDb();
  const issuer = await requireIssuer(db, values.issuer);
  const { retired, added } = await rotateIssuerKeys(db, issuer.id);
  for (const key of added) console.log(`Added ${key.kind} key ${key.keyId} (current).`);
  for (const key of retired) console.log(`Retired ${key.kind} key ${key.keyId} (still listed).`);
  console.log(
    `New credentials of "${issuer.name}" are signed with the new keys; /issuers/${issuer.slug}/did.json lists every key, so earlier credentials still verify.`,
  );
}

export const issuerCommands: Command[] = [
  {
    name: 'issuer create',
    summary: 'Create an issuer, or change one with --update.',
    usage:
      'npm run cli -- issuer create --slug <slug> --name <name> --url <url> --email <email> [--description <text>] [--update]',
    details: `
The issuer's public page is /issuers/<slug>. Running the command again with the same values does
nothing; if the slug exists and a value differs, it refuses unless --update is given (options
left out then keep their stored values).

Options:
  --slug <slug>          3–50 lowercase letters, digits and hyphens
  --name <name>          shown on badges
  --url <url>            the issuer's website, http(s)
  --email <email>        contact address in badge documents
  --description <text>   optional, up to 2000 characters
  --update               change an existing issuer

Examples:
  npm run cli -- issuer create --slug acme --name "Acme Labs" --url https://acme.example --email badges@acme.example
  npm run cli -- issuer create --slug acme --name "Acme Inc." --update`,
    run: create,
  },
  {
    name: 'issuer list',
    summary: 'List the issuers: slug, name and website.',
    usage: 'npm run cli -- issuer list',
    details: `
Prints one issuer a line, tab-separated: slug, name, URL.

Example:
  npm run cli -- issuer list`,
    run: list,
  },
  {
    name: 'issuer rotate-key',
    summary: "Add new current signing keys for an issuer's Open Badges 3.0 credentials.",
    usage: 'npm run cli -- issuer rotate-key --issuer <slug>',
    details: `
Adds a new Ed25519 key (Data Integrity proofs, EdDSA VC-JWTs) and a new RSA key (RS256 VC-JWTs)
and makes them current; credentials signed from now on use them. The old keys are retired but
stay in the issuer's DID document (/issuers/<slug>/did.json), so every earlier credential still
verifies. Credentials already signed are kept as they are.

Options:
  --issuer <slug>   the issuer whose keys to rotate

Example:
  npm run cli -- issuer rotate-key --issuer acme`,
    run: rotateKey,
  },
];
