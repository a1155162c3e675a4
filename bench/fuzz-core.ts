/**
 * Mutation fuzzing of `unbake`: seeded (so a failure can be replayed), structure-blind mutations of
 * our own baked images. Every input must unbake or fail with UnbakeError; anything else is a crash.
 */
import { UnbakeError, unbake } from '@/lib/openbadges/bake/unbake';

export type Seed = { name: string; bytes: Uint8Array };
export type FuzzReport = {
  inputs: number;
  unbaked: number;
  refused: number;
  crashes: Array<{ input: string; error: string }>;
  slowest: { input: string; ms: number };
};

type Random = () => number;

/** mulberry32: small, fast and deterministic. */
function randomFrom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const below = (random: Random, n: number) => Math.floor(random() * n);

const MUTATIONS: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array> = {
  'bit flips': (bytes, random) => {
    const out = bytes.slice();
    for (let i = 1 + below(random, 8); i > 0; i--) {
      const at = below(random, out.length);
      out[at] = (out[at] ?? 0) ^ (1 << below(random, 8));
    }
    return out;
  },
  truncation: (bytes, random) => bytes.slice(0, below(random, bytes.length)),
  'chunk splice': (bytes, random) => {
    // A copied run of the file's own bytes, so tags, chunk headers and CDATA markers get repeated.
    const from = below(random, bytes.length);
    const piece = bytes.slice(from, from + 1 + below(random, 256));
    const at = below(random, bytes.length);
    return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at + below(random, 64))]);
  },
  'byte insertion': (bytes, random) => {
    const inserted = Uint8Array.from({ length: 1 + below(random, 16) }, () => below(random, 256));
    const at = below(random, bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]);
  },
};

/** Runs `count` mutated inputs (one to three stacked mutations each) through `unbake`. */
export function fuzzUnbake({
  seeds,
  count,
  seed,
}: {
  seeds: Seed[];
  count: number;
  seed: number;
}): FuzzReport {
  const random = randomFrom(seed);
  const names = Object.keys(MUTATIONS);
  const report: FuzzReport = {
    inputs: 0,
    unbaked: 0,
    refused: 0,
    crashes: [],
    slowest: { input: '', ms: 0 },
  };
  for (let i = 0; i < count; i++) {
    const base = seeds[i % seeds.length] as Seed;
    let bytes = base.bytes;
    const applied: string[] = [];
    for (let n = 1 + below(random, 3); n > 0; n--) {
      const name = names[below(random, names.length)] as string;
      bytes = (MUTATIONS[name] as (typeof MUTATIONS)[string])(bytes, random);
      applied.push(name);
    }
    const input = `#${i} ${base.name}: ${applied.join(' + ')} (${bytes.length} bytes)`;
    const started = performance.now();
    try {
      unbake(bytes);
      report.unbaked++;
    } catch (error) {
      if (error instanceof UnbakeError) report.refused++;
      else report.crashes.push({ input, error: String(error) });
    }
    const ms = performance.now() - started;
    if (ms > report.slowest.ms) report.slowest = { input, ms };
    report.inputs++;
  }
  return report;
}

export function formatReport(report: FuzzReport): string {
  return [
    `${report.inputs} inputs: ${report.unbaked} unbaked, ${report.refused} refused with UnbakeError, ${report.crashes.length} crashes`,
    `slowest: ${report.slowest.ms.toFixed(1)} ms, ${report.slowest.input}`,
    ...report.crashes.slice(0, 10).map((crash) => `crash: ${crash.input}: ${crash.error}`),
  ].join('\n');
}
