/** `npm run icons`: redraws every icon file from Laurel's mark (see scripts/icons/render.ts). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderIcons } from './icons/render';

for (const [file, bytes] of Object.entries(await renderIcons())) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  console.log(`${file}  ${bytes.length} bytes`);
}
