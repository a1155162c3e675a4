/** What an import reports while it reads; every callback is optional work for a display. */
export type ImportProgress = {
  fileStarted(file: string, bytes: number): void;
  rowsRead(file: string, rows: number, bytesRead: number): void;
  fileDone(file: string, rows: number, seconds: number): void;
};

const count = (n: number) => n.toLocaleString('en');

/**
 * Progress on stderr: on a terminal one line per file, redrawn at most ten times a second; in a
 * log (not a TTY) only a finished line per file, so CI output stays readable.
 */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  const isTty = Boolean(stream.isTTY);
  let size = 0;
  let lastDraw = 0;
  return {
    fileStarted(file, bytes) {
      size = bytes;
      lastDraw = 0;
      if (isTty) stream.write(`${file}: starting`);
    },
    rowsRead(file, rows, bytesRead) {
      if (!isTty) return;
      const now = performance.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      const percent = size > 0 ? Math.min(99, Math.floor((bytesRead / size) * 100)) : 0;
      stream.write(`\r\x1b[K${file}: ${count(rows)} rows (${percent}%)`);
    },
    fileDone(file, rows, seconds) {
      const line = `${file}: ${count(rows)} rows in ${seconds.toFixed(1)} s`;
      stream.write(isTty ? `\r\x1b[K${line}\n` : `${line}\n`);
    },
  };
}
