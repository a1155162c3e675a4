import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FetchError } from './errors';
import { oewsYearOf } from './oews-xlsx';

/** Files already downloaded: where the O*NET release is and which BLS file holds each year. */
export type LocalFiles = {
  onet: { kind: 'zip' | 'dir'; path: string };
  /** Newest first; an `.xlsx` is preferred to the zip holding it. */
  wages: { year: number; kind: 'zip' | 'xlsx'; path: string }[];
};

const ONET_NAME = /^db_(\d+)_(\d+)_text(\.zip)?$/i;

/**
 * Finds the files for `--from`: a directory holding the O*NET zip (`db_30_1_text.zip`) or its
 * extracted folder, and BLS's `oesm24nat.zip` files or the `national_M2024_dl.xlsx` inside them;
 * or the O*NET zip or folder itself, the BLS files then being looked for beside it. With several
 * O*NET releases the one asked for, else the newest, is used; the newest `years` wage years are.
 */
export async function findLocalFiles(
  from: string,
  options: { onetVersion?: string; years: number },
): Promise<LocalFiles> {
  const info = await stat(from).catch(() => null);
  if (!info) throw new FetchError(`--from ${from}: no such file or directory.`);
  const resolved = path.resolve(from);
  let onet: LocalFiles['onet'];
  let wageDirs: string[];
  const names = info.isDirectory() ? await readdir(resolved) : [];
  if (!info.isDirectory()) {
    if (!resolved.toLowerCase().endsWith('.zip'))
      throw new FetchError(`--from ${from}: expected a directory or an O*NET .zip.`);
    onet = { kind: 'zip', path: resolved };
    wageDirs = [path.dirname(resolved)];
  } else if (names.some((n) => n.toLowerCase() === 'occupation data.txt')) {
    onet = { kind: 'dir', path: resolved };
    wageDirs = [resolved, path.dirname(resolved)];
  } else {
    onet = pickOnet(resolved, names, options.onetVersion);
    wageDirs = [resolved];
  }
  for (const dir of wageDirs) {
    const wages = await findWages(dir);
    if (wages.length > 0) return { onet, wages: wages.slice(0, options.years) };
  }
  throw new FetchError(
    `--from ${from}: no BLS OEWS national files (oesm<YY>nat.zip or national_M<YYYY>_dl.xlsx) in ${wageDirs.join(' or ')}.`,
  );
}

function pickOnet(dir: string, names: string[], version?: string): LocalFiles['onet'] {
  const releases = names
    .map((name) => ({ name, match: ONET_NAME.exec(name) }))
    .filter((r) => r.match)
    .map(({ name, match }) => ({
      name,
      version: `${Number(match?.[1])}.${Number(match?.[2])}`,
      kind: match?.[3] ? ('zip' as const) : ('dir' as const),
    }))
    // Newest first; of one version the zip (CRC-checked) before the folder.
    .sort((a, b) => compareVersions(b.version, a.version) || (a.kind === 'zip' ? -1 : 1));
  const chosen = version === undefined ? releases[0] : releases.find((r) => r.version === version);
  if (!chosen) {
    const wanted = version === undefined ? 'an O*NET text release' : `O*NET ${version}`;
    throw new FetchError(
      `--from ${dir}: no ${wanted} there (expected db_<major>_<minor>_text.zip or its folder).`,
    );
  }
  return { kind: chosen.kind, path: path.join(dir, chosen.name) };
}

async function findWages(dir: string): Promise<LocalFiles['wages']> {
  const byYear = new Map<number, LocalFiles['wages'][number]>();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const year = oewsYearOf(name);
    if (year === null) continue;
    const kind = name.toLowerCase().endsWith('.xlsx') ? ('xlsx' as const) : ('zip' as const);
    if (byYear.get(year)?.kind === 'xlsx') continue;
    byYear.set(year, { year, kind, path: path.join(dir, name) });
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}
