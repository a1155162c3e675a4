import { parseArgs } from 'node:util';
import { updateSecrets } from '@/lib/config/secrets';
import { newEncryptionKeyEntry } from '@/lib/crypto/encryption-keys';
import { currentKeyring, demoKeysDir, type Keyring, resetKeyring } from '@/lib/crypto/keyring';
import { type RotationReport, rotateStoredSecrets } from '@/lib/crypto/rotate-keys';
import type { Command } from './command';
import { openDb } from './db';
import { ReportedError } from './errors';

async function generate(args: string[]) {
  parseArgs({ args, options: {} });
  console.log(newEncryptionKeyEntry());
  console.error(
    'Put this entry first in ENCRYPTION_KEYS (the current keys after it, comma-separated), restart the app, ' +
      'then run npm run cli -- keys rotate.',
  );
}

const idOf = (entry: string) => entry.split(':')[0]?.trim() ?? '';

/**
 * The demo setup keeps its keys in secrets.json: a new key goes first, the values move to it,
 * then the keys no value uses any more are dropped. A second pass under the keyring held in
 * memory catches values a running app wrote under the old key meanwhile.
 */
async function rotateDemoKeys(dataDir: string): Promise<{ report: RotationReport; dropped: string[] }> {
  const db = await openDb();
  currentKeyring(); // generates the first key of an old secrets.json
  const entry = newEncryptionKeyEntry();
  updateSecrets(dataDir, (s) => ({
    ...s,
    encryptionKeys: [entry, s.encryptionKeys].filter(Boolean).join(','),
  }));
  resetKeyring();
  const keyring = currentKeyring();
  const report = await rotateStoredSecrets(db, { keyring });
  if (report.failures.length > 0) return { report, dropped: [] };
  const dropped = report.unusedKeyIds;
  updateSecrets(dataDir, (s) => ({
    ...s,
    encryptionKeys: (s.encryptionKeys ?? '')
      .split(',')
      .filter((e) => !dropped.includes(idOf(e)))
      .join(','),
  }));
  const late = await rotateStoredSecrets(db, { keyring });
  return { report: { ...late, reencrypted: report.reencrypted + late.reencrypted }, dropped };
}

function reportLines(report: RotationReport, keyring: Keyring): string[] {
  const lines = [
    `Re-encrypted ${report.reencrypted} stored secret${report.reencrypted === 1 ? '' : 's'} under key "${report.currentKeyId}".`,
  ];
  if (report.changedMeanwhile > 0) {
    lines.push(
      `${report.changedMeanwhile} changed while the command ran and were left as the app wrote them; run keys rotate again to be sure they use the current key.`,
    );
  }
  const stillUsed = Object.keys(report.usage).filter((id) => id !== report.currentKeyId);
  if (stillUsed.length > 0) lines.push(`Still in use besides the current key: ${stillUsed.join(', ')}.`);
  if (keyring.source === 'ENCRYPTION_KEYS' && keyring.keys.length > 1) {
    lines.push(
      report.unusedKeyIds.length > 0
        ? `No stored secret uses ${report.unusedKeyIds.map((id) => `"${id}"`).join(', ')} any more: safe to remove from ENCRYPTION_KEYS.`
        : 'No old key can be removed from ENCRYPTION_KEYS yet.',
    );
  }
  return lines;
}

async function rotate(args: string[]) {
  parseArgs({ args, options: {} });
  const dataDir = demoKeysDir();
  let report: RotationReport;
  if (dataDir) {
    const demo = await rotateDemoKeys(dataDir);
    report = demo.report;
    if (demo.dropped.length > 0)
      console.log(`Removed key ${demo.dropped.join(', ')} from ${currentKeyring().source}.`);
  } else {
    report = await rotateStoredSecrets(await openDb(), { keyring: currentKeyring() });
  }
  for (const line of reportLines(report, currentKeyring())) console.log(line);
  if (report.failures.length > 0) {
    for (const failure of report.failures)
      console.error(`${failure.label}, id ${failure.id}: ${failure.message}`);
    throw new ReportedError(
      `${report.failures.length} stored secret${report.failures.length === 1 ? '' : 's'} could not be decrypted and ` +
        'were left untouched (listed above). Add the missing key back, or replace those secrets (a webhook ' +
        "endpoint's secret is replaced from its page in the issuer console), then run keys rotate again.",
    );
  }
}

export const keysCommands: Command[] = [
  {
    name: 'keys generate',
    summary: 'Print a new key for ENCRYPTION_KEYS.',
    usage: 'npm run cli -- keys generate',
    details: `
ENCRYPTION_KEYS encrypts secrets stored in the database (webhook signing secrets). It is a
comma-separated list of <id>:<base64url of 32 random bytes>; the first key encrypts, every key
decrypts. To rotate: put the printed entry first, restart the app, run keys rotate, then remove
the keys it reports unused.

Example:
  npm run cli -- keys generate`,
    run: generate,
  },
  {
    name: 'keys rotate',
    summary: 'Re-encrypt every stored secret under the current (first) key of ENCRYPTION_KEYS.',
    usage: 'npm run cli -- keys rotate',
    details: `
Safe while the app runs: rows are re-encrypted in batches, each only if it has not changed since
it was read. Reports how many were re-encrypted and which old keys no stored secret uses any more
(safe to remove). A secret that cannot be decrypted is listed by id, left untouched, and the
command exits 1. Legacy values (encrypted under AUTH_SECRET) are upgraded too.

Without ENCRYPTION_KEYS (the demo setup) the keys live in DATA_DIR/secrets.json: the command adds
a new key there, re-encrypts, and drops the old one.

Example:
  npm run cli -- keys rotate`,
    run: rotate,
  },
];
