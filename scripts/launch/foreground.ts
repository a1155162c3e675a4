import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { type Config, ConfigError, getConfig } from '../../lib/config';

const require = createRequire(import.meta.url);
/** Next's and tsx's own CLIs, run with this Node rather than through a shell or npx. */
export const NEXT_CLI = require.resolve('next/dist/bin/next');
export const TSX_CLI = require.resolve('tsx/cli');

/**
 * The validated configuration, or exit 1 after one line per problem: a server with a bad
 * configuration must never start listening.
 */
export function configOrExit(): Config {
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `node <args>` in the foreground: SIGINT, SIGTERM and SIGHUP are passed on to it, and the
 * result is its exit code (128 + n when a signal ended it). `onLine` sees each stdout line,
 * which is still printed.
 */
export function runNode(
  args: string[],
  options: { env: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<number> {
  const child = spawn(process.execPath, args, {
    env: options.env,
    stdio: ['inherit', options.onLine ? 'pipe' : 'inherit', 'inherit'],
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) options.onLine?.(line);
  });
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not start node ${args[0]}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      for (const s of FORWARDED) process.off(s, forward);
      if (pending) options.onLine?.(pending);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** Resolves once `url` answers over HTTP, or false when `isGone()` or a minute passes first. */
export async function waitUntilServing(url: string, isGone: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (!isGone() && Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}
