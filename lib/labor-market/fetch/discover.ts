import { fetchText } from './download';
import { FetchError } from './errors';

/** The publishers' sites; a mirror (or a test server) with the same paths can stand in. */
export const ONET_BASE_URL = 'https://www.onetcenter.org';
export const BLS_BASE_URL = 'https://www.bls.gov';

const ONET_ZIP = /db_(\d+)_(\d+)_text(?:\.zip)?/g;

const trim = (base: string) => base.replace(/\/+$/, '');

/** `https://www.onetcenter.org/dl_files/database/db_30_1_text.zip` for version 30.1. */
export function onetZipUrl(base: string, version: string): string {
  return `${trim(base)}/dl_files/database/db_${version.replace('.', '_')}_text.zip`;
}

/** `https://www.bls.gov/oes/special-requests/oesm24nat.zip` for May 2024. */
export function oewsZipUrl(base: string, year: number): string {
  return `${trim(base)}/oes/special-requests/oesm${String(year % 100).padStart(2, '0')}nat.zip`;
}

/** The newest `db_30_1_text` (or `.zip`) named in `text`, as "30.1"; null when none is. */
export function newestOnetVersion(text: string): string | null {
  let best: [number, number] | null = null;
  for (const [, major, minor] of text.matchAll(ONET_ZIP)) {
    const version: [number, number] = [Number(major), Number(minor)];
    if (!best || version[0] > best[0] || (version[0] === best[0] && version[1] > best[1])) best = version;
  }
  return best ? best.join('.') : null;
}

/** The current O*NET release, from the newest text-zip link on the publisher's database page. */
export async function latestOnetVersion(base: string, timeoutMs?: number): Promise<string> {
  const url = `${trim(base)}/database.html`;
  const page = await fetchText({ url, maxBytes: 4 * 1024 * 1024, timeoutMs });
  const version = newestOnetVersion(page);
  if (!version) {
    throw new FetchError(
      `${url} links no db_<version>_text.zip; pass --onet-version, e.g. --onet-version 30.1.`,
    );
  }
  return version;
}
