import { runInWorker } from '@/lib/sandbox/run-in-worker';
import { UnbakeError } from './errors';
import type { Unbaked } from './unbake';

/** Time and memory for reading one upload; a real badge needs a few milliseconds and megabytes. */
const LIMITS = { timeoutMs: 1_000, memoryMb: 96 };

/**
 * `unbake` for files from strangers (the /verify page): the same answer, computed in a worker thread
 * that is stopped when the file needs more than a second or 96 MB, so no upload can stall the server.
 */
export function unbakeIsolated(bytes: Uint8Array): Promise<Unbaked> {
  return runInWorker(
    { task: 'unbake', bytes },
    {
      ...LIMITS,
      tooComplex: () => new UnbakeError('This image is too complex to read'),
      rebuild: ({ message }) => new UnbakeError(message),
    },
  );
}
