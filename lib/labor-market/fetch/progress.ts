/** What a fetch reports while it downloads; the import then reports through ImportProgress. */
export type DownloadProgress = {
  /** `totalBytes` is null when the server does not say how large the file is. */
  downloadStarted(name: string, totalBytes: number | null): void;
  bytesReceived(name: string, receivedBytes: number): void;
  downloadDone(name: string, bytes: number, seconds: number): void;
  /** A step worth a line of its own ("O*NET 30.1 is the newest release"). */
  note(message: string): void;
};

const UNITS = ['B', 'kB', 'MB', 'GB'] as const;

/** 1,234,567 bytes → "1.2 MB" (powers of 1,000, as browsers and download tools show them). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** "db_30_1_text.zip: 12.3 MB of 95.1 MB (12%)", or without the total when it is unknown. */
export function formatDownload(name: string, received: number, total: number | null): string {
  if (total === null || total <= 0) return `${name}: ${formatBytes(received)}`;
  const percent = Math.min(100, Math.floor((received / total) * 100));
  return `${name}: ${formatBytes(received)} of ${formatBytes(total)} (${percent}%)`;
}

/**
 * Download progress on stderr, like the importer's: on a terminal one line per file redrawn at
 * most ten times a second; in a log only the finished line per file.
 */
export function stderrDownloadProgress(stream: NodeJS.WriteStream = process.stderr): DownloadProgress {
  const isTty = Boolean(stream.isTTY);
  let total: number | null = null;
  let lastDraw = 0;
  return {
    downloadStarted(name, totalBytes) {
      total = totalBytes;
      lastDraw = 0;
      if (isTty) stream.write(formatDownload(name, 0, total));
    },
    bytesReceived(name, receivedBytes) {
      if (!isTty) return;
      const now = performance.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      stream.write(`\r\x1b[K${formatDownload(name, receivedBytes, total)}`);
    },
    downloadDone(name, bytes, seconds) {
      const line = `${name}: ${formatBytes(bytes)} downloaded in ${seconds.toFixed(1)} s`;
      stream.write(isTty ? `\r\x1b[K${line}\n` : `${line}\n`);
    },
    note(message) {
      stream.write(`${message}\n`);
    },
  };
}
