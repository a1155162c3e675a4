import { describe, expect, it } from 'vitest';
import { verifyBadge } from '@/lib/openbadges/verify/verify';
import { deepNesting, heavyFilters, namespaceFlood } from './hostile-images';
import { renderSvgToPng } from './render-png';
import { UnbakeError, unbake } from './unbake';

const encode = (text: string) => new TextEncoder().encode(text);
const HONEST_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#1d4ed8"/></svg>';
const noFetch = async () => {
  throw new Error('a crafted image must not make the verifier fetch anything');
};

/** Runs `work` while a 20 ms timer measures how long the event loop was ever kept from it. */
async function whileWatchingEventLoop<T>(work: () => Promise<T>) {
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      elapsed: performance.now() - started,
      longestGap: Math.max(longestGap, performance.now() - last),
    };
  } finally {
    clearInterval(timer);
  }
}

describe('hostile images at /verify', () => {
  it.each([
    ['thousands of namespace declarations over tens of thousands of elements', namespaceFlood()],
    [
      'a thousand declarations over a hundred thousand elements',
      namespaceFlood({ declarations: 1_000, elements: 99_000 }),
    ],
    ['elements nested fifty thousand deep', deepNesting()],
  ])('answers %s within 2 s while the server keeps serving', async (_name, svg) => {
    // Starting the sandbox worker costs the same for every file and, on a busy machine, can take
    // most of a second: timed here on an honest SVG, in the same run.
    const startedHonest = performance.now();
    await verifyBadge(
      { kind: 'file', bytes: encode(HONEST_SVG), filename: 'honest.svg' },
      { fetch: noFetch },
    );
    const honest = performance.now() - startedHonest;
    const watched = await whileWatchingEventLoop(() =>
      verifyBadge({ kind: 'file', bytes: encode(svg), filename: 'badge.svg' }, { fetch: noFetch }),
    );
    expect(watched.result.verdict).toBe('invalid');
    expect(watched.result.checks).toEqual([
      expect.objectContaining({ id: 'input', status: 'fail', label: 'No badge could be read from the file' }),
    ]);
    // Within 2 s; where the worker's start alone is slow, within that plus the 1 s budget and a margin.
    expect(watched.elapsed).toBeLessThan(Math.max(2_000, honest + 1_500));
    expect(watched.longestGap).toBeLessThan(200);
  });

  it('reads the same crafted files in linear time, refusing them by their limits', () => {
    // The baseline: an honest SVG of 99,000 elements (within the limits), read in the same run.
    const honest = encode(namespaceFlood({ declarations: 1, elements: 99_000 }));
    const startedHonest = performance.now();
    expect(() => unbake(honest)).toThrow(UnbakeError);
    const baseline = performance.now() - startedHonest;
    const started = performance.now();
    expect(() => unbake(encode(namespaceFlood()))).toThrow(
      new UnbakeError('This image is too complex to read (it declares too many namespaces)'),
    );
    expect(() => unbake(encode(deepNesting()))).toThrow(
      new UnbakeError('This image is too complex to read (its elements are nested too deeply)'),
    );
    expect(() => unbake(encode(namespaceFlood({ elements: 200_000, declarations: 1 })))).toThrow(
      new UnbakeError('This image is too complex to read (it has too many elements)'),
    );
    // Three files, each at most about twice the baseline's size: quadratic work would take minutes.
    expect(performance.now() - started).toBeLessThan(Math.max(2_000, baseline * 8));
  });
});

describe('hostile SVG templates', () => {
  it('stops drawing a heavy-filter SVG within 2 s while the server keeps serving', async () => {
    expect(heavyFilters().length).toBeLessThan(1024);
    // The drawing process's start (node, then sharp) is the same for every SVG and, on a busy
    // machine, can take most of a second: timed here on an honest SVG, in the same run.
    const startedHonest = performance.now();
    await renderSvgToPng(encode(HONEST_SVG), 64);
    const honest = performance.now() - startedHonest;
    const watched = await whileWatchingEventLoop(() =>
      renderSvgToPng(encode(heavyFilters())).then(
        () => 'drawn',
        (error: Error) => error.message,
      ),
    );
    expect(watched.result).toBe('This SVG image is too complex to draw; simplify it and try again');
    // Within 2 s; where starting the drawing process alone is slow, within that plus the 1.2 s budget
    // and half a second (the crafted file would otherwise run for minutes).
    expect(watched.elapsed).toBeLessThan(Math.max(2_000, honest + 1_700));
    expect(watched.longestGap).toBeLessThan(200);
  });
});
