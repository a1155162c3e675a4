import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/lib/errors';
import { type CsvFile, headerKey } from './csv-reader';

type FileSpec = {
  /** File names (without .csv, compared like headers) this file has gone by; the first is ours. */
  names: readonly string[];
  /** Names that only have to start like this (the wage file carries its years). */
  prefixes?: readonly string[];
  isOptional?: boolean;
  columns: Record<string, readonly string[]>;
};

const CODE = { onet_soc_code: ['o_net_soc_code'] } as const;
const RATING_COLUMNS = {
  ...CODE,
  element_id: [],
  element_name: [],
  importance: [],
  level: [],
  not_relevant: [],
  recommend_suppress: [],
} as const;
const WAGE_COLUMNS = ['a_mean', 'a_pct10', 'a_pct25', 'a_median', 'a_pct75', 'a_pct90'] as const;
const HOURLY_COLUMNS = ['h_mean', 'h_pct10', 'h_pct25', 'h_median', 'h_pct75', 'h_pct90'] as const;

/**
 * The files of a release and the columns read from each. O*NET renames files between releases
 * (29.x "Technology Skills" is described as "Software Skills" from 30.x), so each file lists the
 * names it is known by, ours first, then O*NET's own ("Occupation Data"); columns are matched by
 * header name, never by position, and `o_net_soc_code` is O*NET's own "O*NET-SOC Code" header.
 */
export const RELEASE_FILES = {
  jobZones: {
    names: ['onet_job_zone_reference', 'job_zone_reference'],
    columns: { job_zone: [], name: [], experience: [], education: [], job_training: [], examples: [] },
  },
  occupations: {
    names: ['onet_occupations', 'onet_occupation_data', 'occupation_data'],
    columns: { ...CODE, title: [], description: [], job_zone: [] },
  },
  alternateTitles: {
    names: ['onet_alternate_titles', 'alternate_titles'],
    columns: { ...CODE, alternate_title: [], short_title: [] },
  },
  reportedTitles: {
    names: ['onet_reported_titles', 'onet_sample_of_reported_titles', 'sample_of_reported_titles'],
    columns: { ...CODE, reported_job_title: [], shown_in_my_next_move: [] },
  },
  technologySkills: {
    names: ['onet_technology_skills', 'onet_software_skills', 'technology_skills', 'software_skills'],
    columns: {
      ...CODE,
      example: [],
      commodity_code: [],
      commodity_title: [],
      hot_technology: [],
      in_demand: [],
    },
  },
  skills: { names: ['onet_skills', 'skills'], columns: RATING_COLUMNS },
  knowledge: { names: ['onet_knowledge', 'knowledge'], columns: RATING_COLUMNS },
  relatedOccupations: {
    names: ['onet_related_occupations', 'related_occupations'],
    columns: {
      ...CODE,
      related_onet_soc_code: ['related_o_net_soc_code'],
      relatedness_tier: [],
      related_index: [],
    },
  },
  wages: {
    names: [],
    prefixes: ['bls_oews_national', 'oews_national'],
    columns: Object.fromEntries(
      ['year', 'occ_code', 'occ_title', 'o_group', 'tot_emp', ...WAGE_COLUMNS, ...HOURLY_COLUMNS].map((c) => [
        c,
        [],
      ]),
    ),
  },
  crosswalk: {
    names: [],
    prefixes: ['onet_to_oews'],
    isOptional: true,
    columns: { ...CODE, oews_occ_code: [], match: [] },
  },
} satisfies Record<string, FileSpec>;

export type ReleaseFileKind = keyof typeof RELEASE_FILES;

/** The header row of a release file as Laurel writes it (the demo release, `labor-market fetch`). */
export const releaseHeader = (kind: ReleaseFileKind): string[] => Object.keys(RELEASE_FILES[kind].columns);
export type ReleaseFiles = Record<Exclude<ReleaseFileKind, 'crosswalk'>, CsvFile> & { crosswalk?: CsvFile };

/** Finds every file of the release in `dir`; a missing or ambiguous file is a clear error. */
export async function locateReleaseFiles(dir: string): Promise<ReleaseFiles> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.csv'));
  } catch {
    throw new AppError('invalid', `${dir}: no such directory (expected the O*NET and BLS CSV files there).`);
  }
  const found: Partial<Record<ReleaseFileKind, CsvFile>> = {};
  const missing: string[] = [];
  for (const [kind, spec] of Object.entries(RELEASE_FILES) as [ReleaseFileKind, FileSpec][]) {
    const matches = entries.filter((name) => {
      const stem = headerKey(name.slice(0, -'.csv'.length));
      return spec.names.includes(stem) || (spec.prefixes ?? []).some((p) => stem.startsWith(p));
    });
    if (matches.length > 1) {
      throw new AppError(
        'invalid',
        `${dir}: several files could be the ${kind} file: ${matches.join(', ')}.`,
      );
    }
    const [name] = matches;
    if (name) found[kind] = { name, path: path.join(dir, name), columns: spec.columns };
    else if (!spec.isOptional) missing.push(expectedName(spec));
  }
  if (missing.length > 0) {
    throw new AppError(
      'invalid',
      `${dir}: missing ${missing.length === 1 ? 'file' : 'files'} ${missing.join(', ')}.`,
    );
  }
  return found as ReleaseFiles;
}

function expectedName(spec: FileSpec): string {
  const [name] = spec.names;
  return name ? `${name}.csv` : `${spec.prefixes?.[0]}*.csv`;
}

const VERSION_IN_README = /O\\?\*NET®?\s+(\d+\.\d+)\s+Database/;

/** The O*NET version: given, or read from the directory's README ("O*NET 29.3 Database"). */
export async function resolveOnetVersion(dir: string, given?: string): Promise<string> {
  if (given !== undefined) {
    if (!/^\d+\.\d+$/.test(given))
      throw new AppError('invalid', `--onet-version '${given}' must look like 29.3`);
    return given;
  }
  for (const name of ['README.md', 'Read Me.txt', 'README.txt']) {
    const content = await readFile(path.join(dir, name), 'utf8').catch(() => null);
    const version = content && VERSION_IN_README.exec(content)?.[1];
    if (version) return version;
  }
  throw new AppError(
    'invalid',
    `${dir}: cannot tell which O*NET release this is (no "O*NET <version> Database" in its README.md); pass --onet-version, e.g. --onet-version 29.3`,
  );
}
