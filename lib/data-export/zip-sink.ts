import 'server-only';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Db } from '@/db/client';
import { dataExportChunks } from '@/db/schema';

/** Bytes per chunk row: small enough to stream out one at a time, large enough to be few rows. */
export const CHUNK_BYTES = 1024 * 1024;
/**
 * fflate writes no Zip64 records, so a zip must stay under 4 GiB and 65,535 entries; an export that
 * would pass either stops with this message rather than writing a broken file.
 */
const MAX_ZIP_BYTES = 4 * 1024 ** 3 - 64 * 1024 ** 2;
const MAX_ENTRIES = 65_000;
export const TOO_LARGE =
  'Your data is larger than one zip file can hold (4 GB). Contact us and we will help.';

/** Already-compressed formats are stored as they are; deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|webp)$/i;

/**
 * A zip written as a stream into `data_export_chunks`, file by file: fflate (synchronous, no
 * dependencies) hands over each piece as it is made, and every full megabyte goes to the database
 * before the next file is added, so memory holds one file and one chunk whatever the export's size.
 */
export class ZipSink {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private entries = 0;
  private ended = false;
  private failure: Error | null = null;
  size = 0;

  constructor(
    private readonly db: Db,
    private readonly exportId: string,
  ) {
    this.zip = new Zip((error, data, final) => {
      if (error) this.failure = error;
      this.pending.push(data);
      this.pendingBytes += data.length;
      this.size += data.length;
      if (final) this.ended = true;
    });
  }

  /** Adds one whole file (text or bytes) and writes every full chunk it completed. */
  async addFile(name: string, content: string | Uint8Array, modified = new Date()): Promise<void> {
    const file = this.open(name, modified);
    file.push(typeof content === 'string' ? new TextEncoder().encode(content) : content, true);
    await this.flush();
  }

  /**
   * A file written in pieces (an index or history with a part per badge): `write` as often as
   * needed, then `close`. Nothing else may be added until it is closed.
   */
  openStream(name: string): { write(text: string): Promise<void>; close(text?: string): Promise<void> } {
    const file = this.open(name, new Date());
    const encoder = new TextEncoder();
    return {
      write: async (text) => {
        file.push(encoder.encode(text));
        await this.flush();
      },
      close: async (text = '') => {
        file.push(encoder.encode(text), true);
        await this.flush();
      },
    };
  }

  /** Writes the central directory and the last chunk; returns the zip's size in bytes. */
  async finish(): Promise<number> {
    this.zip.end();
    if (!this.ended) throw new Error('the zip did not end');
    await this.flush(true);
    return this.size;
  }

  private open(name: string, modified: Date) {
    if (++this.entries > MAX_ENTRIES) throw new ExportTooLarge(TOO_LARGE);
    const file = STORED.test(name) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    file.mtime = modified;
    this.zip.add(file);
    return file;
  }

  private async flush(isLast = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.size > MAX_ZIP_BYTES) throw new ExportTooLarge(TOO_LARGE);
    while (this.pendingBytes >= CHUNK_BYTES || (isLast && this.pendingBytes > 0)) {
      const bytes = this.take(Math.min(CHUNK_BYTES, this.pendingBytes));
      await this.db.insert(dataExportChunks).values({ exportId: this.exportId, seq: this.seq++, bytes });
    }
  }

  /** The first `count` pending bytes as one array; the rest stays pending. */
  private take(count: number): Uint8Array {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const head = this.pending[0];
      if (!head) break;
      const used = Math.min(head.length, count - filled);
      out.set(head.subarray(0, used), filled);
      filled += used;
      if (used === head.length) this.pending.shift();
      else this.pending[0] = head.subarray(used);
    }
    this.pendingBytes -= count;
    return out;
  }
}

/** The export cannot be written as one zip: the owner is told, and retrying will not help. */
export class ExportTooLarge extends Error {}
