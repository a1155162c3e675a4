import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { SandboxOutput, SandboxReply, SandboxRequest, SandboxTask } from './tasks';

export type SandboxLimits = {
  /** Time for the work itself, from the moment the worker has loaded its code. */
  timeoutMs: number;
  memoryMb: number;
  /** The error to throw when the input needs more time or memory than it is given. */
  tooComplex: () => Error;
  /** Rebuilds a typed failure reported by the task (an UnbakeError, say). */
  rebuild: (failure: { name: string; code: string; message: string }) => Error;
};

// Two cores serve the whole app: at most two untrusted parses at once, a short queue, then "busy".
const MAX_RUNNING = 2;
const MAX_WAITING = 16;
const STARTUP_MS = 15_000;
let running = 0;
const waiting: Array<() => void> = [];

function startWorker(task: SandboxTask, memoryMb: number): Worker {
  const options = {
    workerData: task,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 16 },
  };
  // Under Vitest and tsx this file is TypeScript, so the worker loads through tsx too; Next's build
  // bundles `new Worker(new URL(…))` into a JavaScript entry of its own.
  if (import.meta.url.endsWith('.ts')) {
    const entry = JSON.stringify(import.meta.url.replace(/[^/]+$/, 'worker.ts'));
    const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${entry}, ${entry}))`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL('./worker.ts', import.meta.url), options);
}

function runOnce(request: SandboxRequest, limits: SandboxLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request.task, limits.memoryMb);
    let timer = setTimeout(() => settle(new Error('The image worker did not start')), STARTUP_MS);
    const settle = (outcome: Error | { value: unknown }) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on('error', () => {});
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome.value);
    };
    worker.on('message', (message: 'ready' | SandboxReply) => {
      if (message === 'ready') {
        clearTimeout(timer);
        timer = setTimeout(() => settle(limits.tooComplex()), limits.timeoutMs);
        worker.postMessage(request);
      } else if (message.ok) settle({ value: message.value });
      else if (message.code) settle(limits.rebuild({ ...message, code: message.code }));
      else settle(new Error(`Image worker failed: ${message.message}`));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limits.tooComplex() : error);
    });
    worker.on('exit', () => settle(new Error('The image worker stopped without an answer')));
  });
}

/**
 * Runs a task on untrusted input in a fresh worker thread with a memory limit and a time budget,
 * terminating it when either runs out, so a hostile file costs a bounded amount and the event loop
 * that serves everyone else never waits on it.
 */
export async function runInWorker<T extends SandboxTask>(
  request: Extract<SandboxRequest, { task: T }>,
  limits: SandboxLimits,
): Promise<SandboxOutput[T]> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) {
      throw new AppError('rate_limited', 'The server is busy reading other images; try again in a minute.');
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return (await runOnce(request, limits)) as SandboxOutput[T];
  } finally {
    running--;
    waiting.shift()?.();
  }
}
