import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';

/** Where the reader's rows go: the database, or nowhere (the benchmark's parse-only baseline). */
export type ReleaseSink = {
  insert(
    table: PgTable,
    rows: Record<string, unknown>[],
    options: { ignoreDuplicates: boolean },
  ): Promise<void>;
};

// Values per statement (rows × columns). They travel as one JSON parameter, so PostgreSQL's
// 65,535-parameter limit does not apply; the size bounds memory and statement length.
const PARAMETERS_PER_STATEMENT = 20_000;

/**
 * Multi-row inserts into one table, written as the rows stream in. One batch may be on its way
 * to the database while the next is parsed (PostgreSQL works on its own core meanwhile); the
 * reader waits when a second would queue, so at most two batches are ever held.
 */
export class Batch<T extends PgTable> {
  private rows: Required<T['$inferInsert']>[] = [];
  private pending: Promise<void> | null = null;
  private readonly size: number;

  constructor(
    private readonly sink: ReleaseSink,
    private readonly table: T,
    private readonly options: { ignoreDuplicates: boolean } = { ignoreDuplicates: false },
  ) {
    this.size = Math.floor(PARAMETERS_PER_STATEMENT / Object.keys(getTableColumns(table)).length);
  }

  async add(row: Required<T['$inferInsert']>): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.size) await this.send();
  }

  /** Writes what is left and waits until every batch is in. */
  async flush(): Promise<void> {
    if (this.rows.length > 0) await this.send();
    const pending = this.pending;
    this.pending = null;
    await pending;
  }

  private async send() {
    const rows = this.rows;
    this.rows = [];
    await this.pending;
    this.pending = this.sink.insert(this.table, rows, this.options);
    // Reported by the next send or flush; until then not an unhandled rejection.
    this.pending.catch(() => {});
  }
}

/**
 * Each batch is one statement with one parameter, the rows as JSON, expanded by PostgreSQL
 * (`json_populate_recordset` over the table's own row type): several times faster than a
 * VALUES list of thousands of parameters, on PostgreSQL and on PGlite alike. Rows must give
 * every column, defaults included: a missing key would be null.
 */
export function databaseSink(db: Executor): ReleaseSink {
  return {
    async insert(table, rows, { ignoreDuplicates }) {
      const names = Object.entries(getTableColumns(table)).map(
        ([key, column]) => [key, column.name] as const,
      );
      const json = JSON.stringify(
        rows.map((row) => Object.fromEntries(names.map(([key, name]) => [name, row[key] ?? null]))),
      );
      const onConflict = ignoreDuplicates ? sql` on conflict do nothing` : sql``;
      try {
        await db.execute(
          sql`insert into ${table} select * from json_populate_recordset(null::${table}, ${json}::json)${onConflict}`,
        );
      } catch (error) {
        // The driver's message repeats the whole batch; the database's own reason is enough.
        const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        throw new Error(`Writing ${getTableName(table)} failed: ${(reason as Error).message}`, {
          cause: error,
        });
      }
    },
  };
}

export const discardSink: ReleaseSink = { insert: async () => {} };
