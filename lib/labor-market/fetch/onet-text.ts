import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { headerKey } from '@/lib/labor-market/import/csv-reader';
import { releaseHeader } from '@/lib/labor-market/import/files';
import { CsvWriter } from './csv-writer';
import { FetchError } from './errors';
import type { OnetSource } from './onet-source';
import { type OfficialRow, readTsv } from './tsv-reader';

/** O*NET's text files that a release needs, with the other names each is known by. */
const ONET_FILES = {
  readMe: ['Read Me'],
  occupations: ['Occupation Data'],
  jobZones: ['Job Zones'],
  jobZoneReference: ['Job Zone Reference'],
  alternateTitles: ['Alternate Titles'],
  reportedTitles: ['Sample of Reported Titles'],
  // Described as "Software Skills" from 30.x.
  technologySkills: ['Technology Skills', 'Software Skills'],
  skills: ['Skills'],
  knowledge: ['Knowledge'],
  relatedOccupations: ['Related Occupations'],
} as const;
type OnetFile = keyof typeof ONET_FILES;

const CODE = 'O*NET-SOC Code';
const VERSION = /O\*NET®?\s+(\d+\.\d+)\s+Database/;

/**
 * Converts an O*NET text release into the importer's CSV files in `outDir` (see
 * import/files.ts): Job Zones joined onto the occupations, the IM and LV rating rows pivoted
 * into one row, O*NET's `n/a` emptied. Everything streams; only the job zones and ratings still
 * waiting for their other scale are held. Checks first that every file is there and says which
 * release it is ("O*NET 30.1 Database" in Read Me.txt), and refuses a release other than
 * `expectedVersion` when one is given. Returns the version.
 */
export async function convertOnetText(
  source: OnetSource,
  outDir: string,
  expectedVersion?: string,
): Promise<string> {
  const files = locate(source);
  const version = await readVersion(source, files.readMe);
  if (expectedVersion !== undefined && version !== expectedVersion) {
    throw new FetchError(`${source.label} is O*NET ${version}, not the ${expectedVersion} asked for.`);
  }
  const read = <K extends string>(
    kind: OnetFile,
    columns: Record<K, string>,
    onRow: (row: OfficialRow<K>) => void | Promise<void>,
  ) => source.open(files[kind]).then((input) => readTsv({ input, file: files[kind], columns, onRow }));
  const out = (name: string, header: string[]) => new CsvWriter(path.join(outDir, name), header);

  const zones = new Map<string, string>();
  await read('jobZones', { code: CODE, zone: 'Job Zone' }, (row) => {
    zones.set(row.get('code'), row.get('zone'));
  });
  await copy(
    read,
    out,
    'onet_occupations.csv',
    'occupations',
    {
      onet_soc_code: CODE,
      title: 'Title',
      description: 'Description',
    },
    (row) => [
      row.get('onet_soc_code'),
      row.get('title'),
      row.get('description'),
      zones.get(row.get('onet_soc_code')) ?? '',
    ],
    ['job_zone'],
  );
  await copy(read, out, 'onet_job_zone_reference.csv', 'jobZoneReference', {
    job_zone: 'Job Zone',
    name: 'Name',
    experience: 'Experience',
    education: 'Education',
    job_training: 'Job Training',
    examples: 'Examples',
  });
  await copy(
    read,
    out,
    'onet_alternate_titles.csv',
    'alternateTitles',
    {
      onet_soc_code: CODE,
      alternate_title: 'Alternate Title',
      short_title: 'Short Title',
    },
    (row) => [row.get('onet_soc_code'), row.get('alternate_title'), notApplicable(row.get('short_title'))],
  );
  await copy(read, out, 'onet_reported_titles.csv', 'reportedTitles', {
    onet_soc_code: CODE,
    reported_job_title: 'Reported Job Title',
    shown_in_my_next_move: 'Shown in My Next Move',
  });
  await copy(read, out, 'onet_technology_skills.csv', 'technologySkills', {
    onet_soc_code: CODE,
    example: 'Example',
    commodity_code: 'Commodity Code',
    commodity_title: 'Commodity Title',
    hot_technology: 'Hot Technology',
    in_demand: 'In Demand',
  });
  for (const kind of ['skills', 'knowledge'] as const) {
    await pivotRatings(files[kind], out(`onet_${kind}.csv`, RATING_HEADER), (columns, onRow) =>
      read(kind, columns, onRow),
    );
  }
  await copy(read, out, 'onet_related_occupations.csv', 'relatedOccupations', {
    onet_soc_code: CODE,
    related_onet_soc_code: 'Related O*NET-SOC Code',
    relatedness_tier: 'Relatedness Tier',
    related_index: 'Index',
  });
  await writeFile(
    path.join(outDir, 'README.md'),
    `Converted from the O*NET ${version} Database text files.\n`,
  );
  return version;
}

type Read = <K extends string>(
  kind: OnetFile,
  columns: Record<K, string>,
  onRow: (row: OfficialRow<K>) => void | Promise<void>,
) => Promise<number>;

/** One official file to one CSV whose header is `columns`' keys, row by row. */
async function copy<K extends string>(
  read: Read,
  out: (name: string, header: string[]) => CsvWriter,
  name: string,
  kind: OnetFile,
  columns: Record<K, string>,
  cells?: (row: OfficialRow<K>) => string[],
  extraHeader: string[] = [],
): Promise<void> {
  const keys = Object.keys(columns) as K[];
  const writer = out(name, [...keys, ...extraHeader]);
  try {
    await read(kind, columns, (row) => writer.row(cells ? cells(row) : keys.map((k) => row.get(k))));
  } finally {
    await writer.close();
  }
}

const RATING_HEADER = releaseHeader('skills');
const RATING_COLUMNS = {
  code: CODE,
  elementId: 'Element ID',
  elementName: 'Element Name',
  scale: 'Scale ID',
  value: 'Data Value',
  suppress: 'Recommend Suppress',
  notRelevant: 'Not Relevant',
} as const;
type RatingKey = keyof typeof RATING_COLUMNS;
type Pending = { name: string; importance?: string; level?: string; notRelevant: string; suppress: boolean };

/**
 * Skills and Knowledge have one row per scale (IM importance, LV level); the importer wants one
 * row with both. O*NET sorts the rows so the two scales of a rating sit together: a rating is
 * written as soon as both are seen, so only unpaired ones are held.
 */
async function pivotRatings(
  file: string,
  writer: CsvWriter,
  read: (
    columns: typeof RATING_COLUMNS,
    onRow: (row: OfficialRow<RatingKey>) => Promise<void>,
  ) => Promise<number>,
): Promise<void> {
  const pending = new Map<string, Pending>();
  try {
    await read(RATING_COLUMNS, async (row) => {
      const scale = row.get('scale');
      if (scale !== 'IM' && scale !== 'LV') return;
      const code = row.get('code');
      const elementId = row.get('elementId');
      const key = `${code}\t${elementId}`;
      const rating = pending.get(key) ?? { name: row.get('elementName'), notRelevant: 'N', suppress: false };
      if ((scale === 'IM' ? rating.importance : rating.level) !== undefined) {
        throw new FetchError(`${file} line ${row.line}: ${code} ${elementId} has a second ${scale} row.`);
      }
      if (scale === 'IM') rating.importance = row.get('value');
      else {
        rating.level = row.get('value');
        rating.notRelevant = row.get('notRelevant') === 'Y' ? 'Y' : 'N';
      }
      rating.suppress ||= row.get('suppress') === 'Y';
      if (rating.importance === undefined || rating.level === undefined) {
        pending.set(key, rating);
        return;
      }
      pending.delete(key);
      await writer.row([
        code,
        elementId,
        rating.name,
        rating.importance,
        rating.level,
        rating.notRelevant,
        rating.suppress ? 'Y' : 'N',
      ]);
    });
  } finally {
    await writer.close();
  }
  const [unpaired] = pending.entries();
  if (unpaired) {
    const [key, rating] = unpaired;
    const missing = rating.importance === undefined ? 'IM (importance)' : 'LV (level)';
    throw new FetchError(
      `${file}: ${key.replace('\t', ' ')} has no ${missing} row${pending.size > 1 ? ` (nor have ${pending.size - 1} other ratings)` : ''}.`,
    );
  }
}

/** O*NET writes `n/a` for an absent value. */
const notApplicable = (value: string) => (value.toLowerCase() === 'n/a' ? '' : value);

/** Each needed file's name in the source; all missing ones are named at once. */
function locate(source: OnetSource): Record<OnetFile, string> {
  const byKey = new Map(source.names.map((name) => [headerKey(name.replace(/\.txt$/i, '')), name]));
  const found: Partial<Record<OnetFile, string>> = {};
  const missing: string[] = [];
  for (const [kind, names] of Object.entries(ONET_FILES) as [OnetFile, readonly string[]][]) {
    const name = names.map((n) => byKey.get(headerKey(n))).find(Boolean);
    if (name) found[kind] = name;
    else missing.push(`${names.join('.txt or ')}.txt`);
  }
  if (missing.length > 0) {
    throw new FetchError(
      `${source.label} is not a complete O*NET text release: missing ${missing.join(', ')}.`,
    );
  }
  return found as Record<OnetFile, string>;
}

async function readVersion(source: OnetSource, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of (await source.open(name)) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 1024 * 1024)
      throw new FetchError(`${source.label}: ${name} is over 1 MB; not O*NET's Read Me.`);
    chunks.push(chunk);
  }
  const version = VERSION.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
  if (!version) {
    throw new FetchError(
      `${source.label}: ${name} does not say which release this is (no "O*NET <version> Database").`,
    );
  }
  return version;
}
