import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { dataExportChunks } from '@/db/schema';
import { CHUNK_BYTES } from './zip-sink';

/**
 * The zip's bytes as a stream, one chunk row read each time the client is ready for more: a
 * download holds one chunk in memory whatever the zip's size. Every chunk but the last is exactly
 * CHUNK_BYTES, so the size says how many there are. A chunk missing midway (the export was pruned
 * while downloading) ends the stream with an error: a broken download, never a short file.
 */
export function streamExport(
  db: Db,
  input: { exportId: string; sizeBytes: number },
): ReadableStream<Uint8Array> {
  const chunks = Math.ceil(input.sizeBytes / CHUNK_BYTES);
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (seq >= chunks) return controller.close();
        const [row] = await db
          .select({ bytes: dataExportChunks.bytes })
          .from(dataExportChunks)
          .where(and(eq(dataExportChunks.exportId, input.exportId), eq(dataExportChunks.seq, seq)));
        if (!row) return controller.error(new Error(`export ${input.exportId} lost chunk ${seq}`));
        seq += 1;
        controller.enqueue(row.bytes);
      },
    },
    { highWaterMark: 1 },
  );
}
