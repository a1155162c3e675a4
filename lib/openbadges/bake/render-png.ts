import { spawn } from 'node:child_process';
import { BakeError } from './errors';

const MAX_SIZE = 2048;
/**
 * A template of any honest complexity draws in well under a second; a crafted one can take minutes.
 * The clock starts once the child has loaded sharp, so a busy machine's slow start-up is not blamed
 * on the image.
 */
const TIME_BUDGET_MS = 1_200;
const STARTUP_MS = 15_000;
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/*
 * librsvg runs on libuv's thread pool, where stopping a worker thread would not stop it: a crafted
 * filter keeps a core busy for its whole run. So the drawing happens in a child process that is
 * killed when the budget runs out. The child's code is inline (`node -e`) so there is no file for a
 * bundler to move; it finds sharp in the app's node_modules from the working directory.
 * Reading the header renders nothing, so the declared size may be large there; only the render is
 * budgeted in pixels. The density lands near the output size so small templates stay crisp and
 * huge ones cheap.
 */
const DRAW = `
const sharp = require('sharp');
process.stderr.write('ready');
const size = Number(process.argv[1]);
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  try {
    const svg = Buffer.concat(chunks);
    const { width, height } = await sharp(svg, { limitInputPixels: false }).metadata();
    if (!width || !height) throw new Error('SVG without a size');
    const density = Math.min(100000, Math.max(1, (72 * size) / Math.max(width, height)));
    const png = await sharp(svg, { density, limitInputPixels: 4096 * 4096 })
      .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer();
    process.stdout.end(png);
  } catch {
    process.exitCode = 2;
  }
});`;

/**
 * Draws an SVG as a square PNG of `size` pixels (aspect ratio kept, transparent margins).
 * librsvg, as bundled with sharp 0.35, loads nothing from outside the SVG: http(s), file and relative
 * references and external entities are ignored (they render as nothing); only `data:` URIs are drawn.
 * The tests pin that down.
 */
export async function renderSvgToPng(svg: Uint8Array, size = 512): Promise<Uint8Array> {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
    throw new RangeError(`size must be an integer from 1 to ${MAX_SIZE}`);
  }
  const child = spawn(process.execPath, ['--max-old-space-size=128', '-e', DRAW, String(size)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // The child needs none of the app's settings or secrets.
    env: { PATH: process.env.PATH ?? '', NODE_ENV: process.env.NODE_ENV },
  });
  let isTooComplex = false;
  let timer = setTimeout(() => child.kill('SIGKILL'), STARTUP_MS);
  child.stderr.once('data', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      isTooComplex = true;
      child.kill('SIGKILL');
    }, TIME_BUDGET_MS);
  });
  const chunks: Buffer[] = [];
  let length = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    length += chunk.length;
    if (length > MAX_OUTPUT_BYTES) child.kill('SIGKILL');
    else chunks.push(chunk);
  });
  child.stdin.on('error', () => {}); // the child may be killed before it has read everything
  child.stdin.end(svg);
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (exitCode) => resolve(exitCode));
  });
  clearTimeout(timer);
  if (isTooComplex) throw new BakeError('This SVG image is too complex to draw; simplify it and try again');
  if (code !== 0 || length === 0) {
    throw new BakeError('This SVG image could not be drawn; check that it opens in a browser');
  }
  const png = Buffer.concat(chunks);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
