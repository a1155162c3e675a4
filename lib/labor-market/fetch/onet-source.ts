import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FetchError } from './errors';
import { ZipArchive } from './zip';

/** Larger than any O*NET text file (the largest are tens of MB): anything bigger is refused. */
export const MAX_ONET_FILE_BYTES = 512 * 1024 * 1024;

/** The `.txt` files of an O*NET text release, from its zip or from the extracted folder. */
export type OnetSource = {
  /** Where they come from, for messages: "db_30_1_text.zip" or a folder. */
  label: string;
  /** File names without folders ("Occupation Data.txt"). */
  names: string[];
  open(name: string): Promise<Readable>;
  close(): void;
};

/** The text files inside an O*NET zip (in its `db_30_1_text/` folder, or at the top). */
export async function onetZipSource(zipPath: string, label: string): Promise<OnetSource> {
  const zip = await ZipArchive.open(zipPath, label);
  const byName = new Map<string, (typeof zip.entries)[number]>();
  for (const entry of zip.entries) {
    const name = path.posix.basename(entry.fileName);
    if (!name.toLowerCase().endsWith('.txt') || entry.fileName.split('/').length > 2) continue;
    if (byName.has(name)) {
      zip.close();
      throw new FetchError(`${label} holds ${name} twice; it is not an O*NET text release.`);
    }
    byName.set(name, entry);
  }
  return {
    label,
    names: [...byName.keys()],
    open: async (name) => {
      const entry = byName.get(name);
      if (!entry) throw new FetchError(`${label} has no ${name}.`);
      return zip.openEntry(entry, MAX_ONET_FILE_BYTES);
    },
    close: () => zip.close(),
  };
}

/** The text files of an extracted release (`db_30_1_text/`). */
export async function onetDirSource(dir: string): Promise<OnetSource> {
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.txt'));
  return {
    label: dir,
    names,
    open: async (name) => {
      const file = path.join(dir, name);
      const { size } = await stat(file);
      if (size > MAX_ONET_FILE_BYTES) throw new FetchError(`${file} is ${size} bytes: too large, refused.`);
      return createReadStream(file);
    },
    close: () => {},
  };
}
