import { type SQL, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { type Executor, rowsOf } from '@/db/client';

/**
 * pg-boss runs its SQL through an `executeSql(text, values)` it is given. This one runs it through
 * a drizzle database or open transaction, so a job is written in the same transaction as the
 * change that causes it. Only single statements with `$n` parameters come this way (sending).
 */
export function executorDb(db: Executor): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      return { rows: rowsOf(await db.execute(withParams(text, values))) };
    },
  };
}

/** `$1`, `$2` … replaced by drizzle parameters (each occurrence its own), objects as JSON text. */
function withParams(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= values.length) throw new Error(`query parameter $${match[1]} has no value`);
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${asParam(values[index])}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/**
 * Values as both drivers take them the same way: drizzle would spread an array into a list of
 * parameters, so arrays (pg-boss passes job ids for `$n::uuid[]`) become array literals; objects
 * become JSON text.
 */
function asParam(value: unknown) {
  if (value === undefined) return null;
  if (Array.isArray(value)) return `{${value.map(arrayElement).join(',')}}`;
  if (value === null || value instanceof Date || typeof value !== 'object') return value;
  return JSON.stringify(value);
}

function arrayElement(value: unknown): string {
  return `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
