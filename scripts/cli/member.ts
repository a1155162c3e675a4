import { parseArgs } from 'node:util';
import { addIssuerMember } from '@/lib/issuers/members';
import type { Command } from './command';
import { openDb, requireIssuer } from './db';
import { UsageError } from './errors';

async function add(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { issuer: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } },
  });
  if (!values.issuer || !values.email)
    throw new UsageError('--issuer <slug> and --email <address> are required');
  if (values.role !== 'admin' && values.role !== 'staff')
    throw new UsageError('--role must be admin or staff');
  const db = await openDb();
  const issuer = await requireIssuer(db, values.issuer);
  await addIssuerMember(db, { issuerId: issuer.id, email: values.email, role: values.role });
  console.log(`${values.email} is now ${values.role} at ${issuer.name}.`);
}

export const memberCommands: Command[] = [
  {
    name: 'member add',
    summary: 'Give an account a role at an issuer (the account must exist: sign up first).',
    usage: 'npm run cli -- member add --issuer <slug> --email <user email> --role admin|staff',
    details: `
Admins manage templates, members, API keys and webhooks; staff award and revoke badges.

Options:
  --issuer <slug>    the issuer
  --email <email>    an email address of an existing account
  --role <role>      admin or staff

Example:
  npm run cli -- member add --issuer acme --email you@example.com --role admin`,
    run: add,
  },
];
