import 'server-only';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '@/db/client';
import { type ImportedRelease, importLaborMarketRelease } from '@/lib/labor-market/import/import-release';
import type { ImportProgress } from '@/lib/labor-market/import/progress';
import { BLS_BASE_URL, latestOnetVersion, ONET_BASE_URL, oewsZipUrl, onetZipUrl } from './discover';
import { downloadFile, NotPublished } from './download';
import { FetchError } from './errors';
import { findLocalFiles, type LocalFiles } from './local-files';
import { extractOewsWorkbook, type OewsWorkbook, writeWagesCsv } from './oews-xlsx';
import { onetDirSource, onetZipSource } from './onet-source';
import { convertOnetText } from './onet-text';
import type { DownloadProgress } from './progress';

/** The text release is 30–100 MB; a mirror answering with gigabytes is refused. */
const MAX_ONET_ZIP_BYTES = 1024 * 1024 * 1024;
const MAX_OEWS_ZIP_BYTES = 128 * 1024 * 1024;
/** How many years before the newest expected one are tried for a missing newest file. */
const YEARS_TO_PROBE = 3;

export type FetchReleaseOptions = {
  /** Files already downloaded (see findLocalFiles); then nothing is fetched. */
  from?: string;
  /** Pin the O*NET release ("30.1"); otherwise the newest the publisher lists. */
  onetVersion?: string;
  /** How many OEWS years to import, newest first (the pay trend); default 5. */
  years?: number;
  onetBaseUrl?: string;
  blsBaseUrl?: string;
  /** Today, for which OEWS year to try first (the previous year's May estimates). */
  now?: Date;
  timeoutMs?: number;
  downloads?: DownloadProgress;
  progress?: ImportProgress;
};

export type FetchedRelease = ImportedRelease & { wageYears: number[] };

/**
 * Gets the O*NET text release and the BLS OEWS national workbooks from their publishers (or from
 * `from`), checks them (zip CRCs, every file and column there, sizes bounded), converts them into
 * the importer's CSV files in a temporary directory and imports them as the new active release.
 * Any failure throws a FetchError or the importer's AppError and leaves the previous release
 * active; the temporary files are removed either way.
 */
export async function fetchLaborMarketRelease(
  db: Db,
  options: FetchReleaseOptions = {},
): Promise<FetchedRelease> {
  const years = options.years ?? 5;
  const work = await mkdtemp(path.join(tmpdir(), 'laurel-lm-fetch-'));
  try {
    const csvDir = path.join(work, 'csv');
    await mkdir(csvDir);
    const files: LocalFiles & { source?: string } = options.from
      ? await findLocalFiles(options.from, { onetVersion: options.onetVersion, years })
      : await downloadRelease(work, { ...options, years });
    const onet =
      files.onet.kind === 'zip'
        ? await onetZipSource(files.onet.path, path.basename(files.onet.path))
        : await onetDirSource(files.onet.path);
    let onetVersion: string;
    try {
      options.downloads?.note(`Converting ${onet.label}`);
      onetVersion = await convertOnetText(onet, csvDir, options.onetVersion);
    } finally {
      onet.close();
    }
    const workbooks: OewsWorkbook[] = [];
    for (const wage of files.wages) {
      const label = path.basename(wage.path);
      workbooks.push(
        wage.kind === 'xlsx'
          ? { year: wage.year, path: wage.path, label }
          : await extractOewsWorkbook(wage.path, label, work),
      );
    }
    await writeWagesCsv(workbooks, csvDir);
    const source = files.source ?? [files.onet.path, ...files.wages.map((w) => w.path)].join(', ');
    const release = await importLaborMarketRelease(db, {
      dir: csvDir,
      onetVersion,
      progress: options.progress,
      source,
    });
    return { ...release, wageYears: files.wages.map((w) => w.year) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Downloads the O*NET zip and the newest `years` OEWS zips into `dir`. */
async function downloadRelease(
  dir: string,
  options: FetchReleaseOptions & { years: number },
): Promise<LocalFiles & { source: string }> {
  const { downloads, timeoutMs } = options;
  const onetBase = options.onetBaseUrl ?? ONET_BASE_URL;
  const blsBase = options.blsBaseUrl ?? BLS_BASE_URL;
  const version = options.onetVersion ?? (await latestOnetVersion(onetBase, timeoutMs));
  const onetUrl = onetZipUrl(onetBase, version);
  downloads?.note(`O*NET ${version}: ${onetUrl}`);
  const onetName = path.posix.basename(new URL(onetUrl).pathname);
  const onetPath = path.join(dir, onetName);
  await downloadFile({
    url: onetUrl,
    dest: onetPath,
    name: onetName,
    maxBytes: MAX_ONET_ZIP_BYTES,
    timeoutMs,
    progress: downloads,
  });

  // The May estimates come out the next spring: start at last year and go back.
  const wages: LocalFiles['wages'] = [];
  const urls: string[] = [];
  const newest = (options.now ?? new Date()).getFullYear() - 1;
  for (
    let year = newest;
    wages.length < options.years && year > newest - options.years - YEARS_TO_PROBE;
    year--
  ) {
    const url = oewsZipUrl(blsBase, year);
    const name = path.posix.basename(new URL(url).pathname);
    const dest = path.join(dir, name);
    try {
      await downloadFile({ url, dest, name, maxBytes: MAX_OEWS_ZIP_BYTES, timeoutMs, progress: downloads });
    } catch (error) {
      if (!(error instanceof NotPublished)) throw error;
      downloads?.note(`OEWS May ${year}: not published (${url})`);
      continue;
    }
    wages.push({ year, kind: 'zip', path: dest });
    urls.push(url);
  }
  if (wages.length === 0) {
    throw new FetchError(
      `No OEWS national file found at ${oewsZipUrl(blsBase, newest)} or the ${YEARS_TO_PROBE + options.years - 1} years before.`,
    );
  }
  return { onet: { kind: 'zip', path: onetPath }, wages, source: [onetUrl, ...urls].join(', ') };
}
