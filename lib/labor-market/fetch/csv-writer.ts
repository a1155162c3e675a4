import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Writes the CSV layout the importer reads (UTF-8, LF, RFC 4180 quoting) row by row, waiting
 * when the disk is slower than the reader so memory stays bounded.
 */
export class CsvWriter {
  private readonly out;

  constructor(filePath: string, header: readonly string[]) {
    this.out = createWriteStream(filePath);
    this.out.write(`${header.join(',')}\n`);
  }

  async row(cells: readonly string[]): Promise<void> {
    if (!this.out.write(`${cells.map(cell).join(',')}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'close');
  }
}
