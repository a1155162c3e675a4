import 'server-only';
import { and, asc, gt, isNotNull, notLike, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { decryptAtRest, encryptAtRest, SecretDecryptError } from './at-rest';
import type { Keyring } from './keyring';
import { STORED_SECRETS, type StoredSecretColumn } from './stored-secrets';

const BATCH = 200;

export type RotationReport = {
  /** Values now under the current key that were under another one. */
  reencrypted: number;
  /** Values changed by someone else between reading and writing: left as they were written. */
  changedMeanwhile: number;
  /** Values that could not be decrypted, left untouched. */
  failures: { label: string; id: string; message: string }[];
  /** The current (first) key's id. */
  currentKeyId: string;
  /** Key ids of the keyring, other than the current one, that no stored value uses any more. */
  unusedKeyIds: string[];
  /** Key ids stored values still use, with their counts (the current key included). */
  usage: Record<string, number>;
};

type Row = { id: string; value: string };

/**
 * Re-encrypts one value under the keyring's current key, unless the row was changed since `row`
 * was read: the update is conditional on the old ciphertext, so a secret written meanwhile (a
 * rotated webhook secret) is never overwritten with the old one.
 */
export async function reencryptRow(
  db: Executor,
  input: { entry: StoredSecretColumn; row: Row; keyring: Keyring },
): Promise<'reencrypted' | 'changed'> {
  const { entry, row, keyring } = input;
  const next = encryptAtRest(decryptAtRest(row.value, entry.purpose, keyring), entry.purpose, keyring);
  const written = await db.execute(
    sql`update ${entry.table} set ${sql.identifier(entry.column.name)} = ${next}
        where ${entry.id} = ${row.id} and ${entry.column} = ${row.value} returning 1 as done`,
  );
  return rowsOf(written).length > 0 ? 'reencrypted' : 'changed';
}

/** How many stored values each key id encrypts, over every registered column. */
export async function keyUsage(db: Executor, entries = STORED_SECRETS): Promise<Record<string, number>> {
  const usage: Record<string, number> = {};
  for (const entry of entries) {
    const kid = sql<string>`split_part(${entry.column}, '.', case when ${entry.column} like 'v1.%' then 1 else 2 end)`;
    const rows = rowsOf<{ kid: string; count: number | string }>(
      await db.execute(
        sql`select ${kid} as kid, count(*) as count from ${entry.table} where ${entry.column} is not null group by 1`,
      ),
    );
    for (const row of rows) usage[row.kid] = (usage[row.kid] ?? 0) + Number(row.count);
  }
  return usage;
}

/**
 * Re-encrypts every stored secret that is not under the keyring's current key (legacy `v1.`
 * values included), in batches, each row conditionally on its old value so it is safe while the
 * app runs. A value that cannot be decrypted is reported and left as it is.
 */
export async function rotateStoredSecrets(
  db: Executor,
  input: { keyring: Keyring; entries?: StoredSecretColumn[]; batchSize?: number },
): Promise<RotationReport> {
  const { keyring } = input;
  const batchSize = input.batchSize ?? BATCH;
  const entries = input.entries ?? STORED_SECRETS;
  const currentKeyId = keyring.keys[0]?.id;
  if (!currentKeyId) throw new Error('The keyring has no key.');
  const report = { reencrypted: 0, changedMeanwhile: 0, failures: [] as RotationReport['failures'] };
  for (const entry of entries) {
    let after: string | null = null;
    for (;;) {
      const batch: Row[] = await db
        .select({ id: sql<string>`${entry.id}::text`, value: sql<string>`${entry.column}` })
        .from(entry.table)
        .where(
          and(
            isNotNull(entry.column),
            notLike(entry.column, `v2.${currentKeyId}.%`),
            after === null ? undefined : gt(entry.id, after),
          ),
        )
        .orderBy(asc(entry.id))
        .limit(batchSize);
      for (const row of batch) {
        try {
          const outcome = await reencryptRow(db, { entry, row, keyring });
          if (outcome === 'reencrypted') report.reencrypted++;
          else report.changedMeanwhile++;
        } catch (error) {
          if (!(error instanceof SecretDecryptError)) throw error;
          report.failures.push({ label: entry.label, id: row.id, message: error.message });
        }
      }
      const last = batch.at(-1);
      if (!last || batch.length < batchSize) break;
      after = last.id;
    }
  }
  const usage = await keyUsage(db, entries);
  const unusedKeyIds = keyring.keys.map((key) => key.id).filter((id) => id !== currentKeyId && !usage[id]);
  return { ...report, currentKeyId, unusedKeyIds, usage };
}
