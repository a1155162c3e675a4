/** For the export tests: the zip's bytes as a download streams them. */
import type { Db } from '@/db/client';
import { streamExport } from './download';

export async function exportBytes(db: Db, input: { exportId: string; sizeBytes: number }): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = streamExport(db, input).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(parts);
    parts.push(value);
  }
}

export { readZip } from '@/test/read-zip';
