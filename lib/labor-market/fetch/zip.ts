import { createWriteStream } from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { FetchError } from './errors';

/** More entries than any O*NET or BLS release has: past it the file is not what we expect. */
const MAX_ENTRIES = 2_000;

/**
 * A zip file on disk, read through its central directory (so a truncated download fails at once,
 * before anything is imported), each entry streamed and checked against its CRC-32.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** The name used in messages, e.g. "db_30_1_text.zip". */
    readonly label: string,
    /** The files in the zip (folders left out). */
    readonly entries: yauzl.Entry[],
  ) {}

  static async open(filePath: string, label: string): Promise<ZipArchive> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        filePath,
        { lazyEntries: true, autoClose: false, validateEntrySizes: true },
        (error, file) => (error ? reject(error) : resolve(file)),
      ),
    ).catch((error: Error) => {
      throw damaged(label, error);
    });
    const entries: yauzl.Entry[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          if (entries.length >= MAX_ENTRIES) {
            reject(
              new FetchError(`${label} holds more than ${MAX_ENTRIES} files: not an O*NET or BLS release.`),
            );
            return;
          }
          if (!entry.fileName.endsWith('/')) entries.push(entry);
          zip.readEntry();
        });
        zip.on('end', resolve);
        zip.on('error', reject);
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error instanceof FetchError ? error : damaged(label, error as Error);
    }
    return new ZipArchive(zip, label, entries);
  }

  /** The entry's content, uncompressed; the stream fails if its CRC-32 or size is wrong. */
  async openEntry(entry: yauzl.Entry, maxBytes: number): Promise<Readable> {
    const where = `${this.label}: ${entry.fileName}`;
    if (entry.uncompressedSize > maxBytes) {
      throw new FetchError(
        `${where} is ${entry.uncompressedSize.toLocaleString('en')} bytes, more than the ${maxBytes.toLocaleString('en')} allowed: refused.`,
      );
    }
    const raw = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
    ).catch((error: Error) => {
      throw damaged(where, error);
    });
    let crc = 0;
    const check = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        crc = crc32(chunk, crc);
        done(null, chunk);
      },
      flush(done) {
        if (crc === entry.crc32) return done();
        done(new FetchError(`${where} is damaged (its CRC-32 check failed); download it again.`));
      },
    });
    raw.on('error', (error) => check.destroy(damaged(where, error)));
    return raw.pipe(check);
  }

  /** Writes the entry to `dest`, checked like openEntry. */
  async extract(entry: yauzl.Entry, dest: string, maxBytes: number): Promise<void> {
    await pipeline(await this.openEntry(entry, maxBytes), createWriteStream(dest));
  }

  close(): void {
    this.zip.close();
  }
}

function damaged(label: string, error: Error): FetchError {
  if (error instanceof FetchError) return error;
  return new FetchError(
    `${label} is not a complete zip file (${error.message}): the download was cut short or the file is damaged. Delete it and try again.`,
  );
}
