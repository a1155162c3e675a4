/*
 * A worker thread that runs one task on input a stranger wrote. It loads the task's code, says
 * `ready` (so the caller's time budget covers the work, not the module loading), then answers
 * one request with a result or a typed failure. Imports are relative and free of `server-only`
 * so the file loads the same way in Next's bundle, Vitest and tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SandboxReply, SandboxRequest, SandboxTask } from './tasks';

async function load(task: SandboxTask): Promise<(request: SandboxRequest) => unknown> {
  if (task === 'unbake') {
    const { unbake } = await import('../openbadges/bake/unbake');
    return (request) => unbake((request as { bytes: Uint8Array }).bytes);
  }
  const { sanitiseSvg } = await import('../issuers/sanitise-svg');
  return (request) => sanitiseSvg((request as { svg: string }).svg);
}

function answer(run: (request: SandboxRequest) => unknown, request: SandboxRequest): SandboxReply {
  try {
    return { ok: true, value: run(request) };
  } catch (error) {
    // Our typed errors (UnbakeError and friends) carry a message meant for the person who uploaded.
    const code = (error as { code?: unknown })?.code;
    if (error instanceof Error && typeof code === 'string') {
      return { ok: false, name: error.name, code, message: error.message };
    }
    return { ok: false, name: 'Error', message: error instanceof Error ? error.message : String(error) };
  }
}

const port = parentPort;
void load(workerData as SandboxTask).then((run) => {
  port?.once('message', (request: SandboxRequest) => port.postMessage(answer(run, request)));
  port?.postMessage('ready');
});
