/**
 * A PostgreSQL server of a test's own (initdb into a temporary directory, its own port), so a
 * fault test can restart it without disturbing anything else on the machine. Runs as the
 * `postgres` system user when the test runs as root (PostgreSQL refuses to run as root).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const version = readdirSync(root).sort().at(-1);
  const dir = version ? path.join(root, version, 'bin') : '';
  if (!existsSync(path.join(dir, 'pg_ctl')))
    throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  return dir;
}

export type PrivatePostgres = { url: string; restart: () => void; stop: () => void };

export function startPrivatePostgres(port: number): PrivatePostgres {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'laurel-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const asPostgres = (command: string, args: string[]) => {
    const [file, argv] =
      process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    return execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
  };
  const pgCtl = (...args: string[]) =>
    asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '30', ...args]);
  asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  pgCtl('-o', options, '-l', path.join(dir, 'log'), 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Fast shutdown (every connection is cut, as in a failover or a crash-restart), then start.
    restart: () => {
      pgCtl('-m', 'fast', '-o', options, '-l', path.join(dir, 'log'), 'restart');
    },
    stop: () => {
      try {
        pgCtl('-m', 'immediate', 'stop');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
