import type { Sanitised } from '../issuers/sanitise-svg';
import type { Unbaked } from '../openbadges/bake/unbake';

/** What a worker can be asked to do; each task parses input that a stranger wrote. */
export type SandboxRequest = { task: 'unbake'; bytes: Uint8Array } | { task: 'sanitise-svg'; svg: string };
export type SandboxTask = SandboxRequest['task'];
export type SandboxOutput = { unbake: Unbaked; 'sanitise-svg': Sanitised };

export type SandboxReply =
  | { ok: true; value: unknown }
  | { ok: false; name: string; code?: string; message: string };
