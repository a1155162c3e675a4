import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { isAlive } from '@/db/pglite-lock';

/** The demo that holds a data directory: its launcher's pid and the port it serves. */
export type DemoHolder = { pid: number; port: number };

function readHolder(file: string): DemoHolder | null {
  try {
    const { pid, port } = JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoHolder>;
    return Number.isInteger(pid) && Number.isInteger(port)
      ? { pid: pid as number, port: port as number }
      : null;
  } catch {
    return null;
  }
}

/**
 * Takes `DATA_DIR/demo.pid` for this launcher, or returns the live demo that holds it (a file
 * whose process is gone is stale and taken over). Checked before building, so a second
 * `npm run demo` never rebuilds the output the first one is serving.
 */
export function lockDemo(dataDir: string, port: number): { release: () => void } | { holder: DemoHolder } {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'demo.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, port }), { flag: 'wx' });
      const release = () => {
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) return { holder };
    rmSync(file, { force: true });
  }
  throw new Error(`Could not lock ${file}`);
}

/** Whether something (another demo with its own DATA_DIR, any program) already listens there. */
export function isPortTaken(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}
