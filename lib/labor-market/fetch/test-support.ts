/**
 * For the fetch tests: small files in the publishers' own formats (an O*NET text-release zip,
 * BLS OEWS national workbooks in their zips), and a local HTTP server that serves them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import writeExcelFile from 'write-excel-file/node';
import yazl from 'yazl';

const tsv = (rows: string[][]) => `${rows.map((r) => r.join('\t')).join('\n')}\n`;

const OCCUPATIONS = [
  ['15-1252.00', 'Software Developers', 'Research, design, and develop computer and network software.', '4'],
  ['15-1211.00', 'Computer Systems Analysts', 'Analyze science, engineering, business, and other data.', '4'],
  ['27-2011.00', 'Actors', 'Play parts in stage, television, radio, video, or film productions.', '2'],
  ['13-1021.00', 'Buyers and Purchasing Agents, Farm Products', 'Purchase farm products.', '3'],
] as const;
const titleOf = (code: string) => OCCUPATIONS.find((o) => o[0] === code)?.[1] ?? '';

/**
 * The `.txt` files of a tiny O*NET text release, by file name, with O*NET's own headers and
 * quirks (one row per rating scale, `n/a`, bare quotes in texts). A test may change one.
 */
export function onetTextFiles(version = '30.1'): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'Read Me.txt',
    `O*NET ${version} Database\nThe content of the O*NET ${version} Database is licensed under CC BY 4.0.\n`,
  );
  files.set(
    'Occupation Data.txt',
    tsv([['O*NET-SOC Code', 'Title', 'Description'], ...OCCUPATIONS.map((o) => [o[0], o[1], o[2]])]),
  );
  files.set(
    'Job Zones.txt',
    tsv([
      ['O*NET-SOC Code', 'Title', 'Job Zone', 'Date', 'Domain Source'],
      ...OCCUPATIONS.map((o) => [o[0], o[1], o[3], '08/2025', 'Analyst']),
    ]),
  );
  files.set(
    'Job Zone Reference.txt',
    tsv([
      ['Job Zone', 'Name', 'Experience', 'Education', 'Job Training', 'Examples', 'SVP Range'],
      ...[1, 2, 3, 4, 5].map((z) => [
        String(z),
        `Job Zone ${z}`,
        `Experience ${z}`,
        `Education ${z}`,
        `Training ${z}`,
        `Examples ${z}`,
        `(${z}.0 to < ${z + 1}.0)`,
      ]),
    ]),
  );
  files.set(
    'Alternate Titles.txt',
    tsv([
      ['O*NET-SOC Code', 'Title', 'Alternate Title', 'Short Title', 'Source(s)'],
      ['15-1252.00', 'Software Developers', 'Android Developer', 'n/a', '08'],
      ['15-1252.00', 'Software Developers', 'Software Development Engineer', 'SDE', '08'],
      ['27-2011.00', 'Actors', 'Stage Actor', 'n/a', '10'],
    ]),
  );
  files.set(
    'Sample of Reported Titles.txt',
    tsv([
      ['O*NET-SOC Code', 'Title', 'Reported Job Title', 'Shown in My Next Move'],
      ['15-1252.00', 'Software Developers', 'Software Engineer', 'Y'],
      ['15-1211.00', 'Computer Systems Analysts', '"Business Systems" Analyst', 'N'],
    ]),
  );
  const tech = (code: string, example: string, commodity: string, hot: string, demand: string) => [
    code,
    titleOf(code),
    example,
    commodity,
    'Object or component oriented development software',
    hot,
    demand,
  ];
  files.set(
    'Technology Skills.txt',
    tsv([
      [
        'O*NET-SOC Code',
        'Title',
        'Example',
        'Commodity Code',
        'Commodity Title',
        'Hot Technology',
        'In Demand',
      ],
      tech('15-1252.00', 'Python', '43232405', 'Y', 'Y'),
      tech('15-1252.00', 'Atlassian JIRA', '43232201', 'Y', 'N'),
      tech('15-1211.00', 'Python', '43232405', 'Y', 'N'),
      tech('13-1021.00', 'Microsoft Excel', '43232110', 'Y', 'N'),
    ]),
  );
  const ratingHeader = [
    'O*NET-SOC Code',
    'Title',
    'Element ID',
    'Element Name',
    'Scale ID',
    'Data Value',
    'N',
    'Standard Error',
    'Lower CI Bound',
    'Upper CI Bound',
    'Recommend Suppress',
    'Not Relevant',
    'Date',
    'Domain Source',
  ];
  const rating = (code: string, id: string, name: string, im: string, lv: string, suppress = 'N') => [
    [code, titleOf(code), id, name, 'IM', im, '8', '0.2', '3.1', '3.9', 'N', 'n/a', '08/2025', 'Analyst'],
    [code, titleOf(code), id, name, 'LV', lv, '8', '0.3', '3.0', '4.1', suppress, 'N', '08/2025', 'Analyst'],
  ];
  files.set(
    'Skills.txt',
    tsv([
      ratingHeader,
      ...OCCUPATIONS.flatMap(([code]) => [
        ...rating(code, '2.A.1.a', 'Reading Comprehension', '3.75', '4.12'),
        ...rating(
          code,
          '2.B.3.e',
          'Programming',
          code.startsWith('15-') ? '4.50' : '1.00',
          code.startsWith('15-') ? '5.38' : '0.00',
          'Y',
        ),
      ]),
    ]),
  );
  files.set(
    'Knowledge.txt',
    tsv([
      ratingHeader,
      ...OCCUPATIONS.flatMap(([code]) =>
        rating(code, '2.C.3.a', 'Computers and Electronics', '4.01', '4.80'),
      ),
    ]),
  );
  files.set(
    'Related Occupations.txt',
    tsv([
      ['O*NET-SOC Code', 'Title', 'Related O*NET-SOC Code', 'Related Title', 'Relatedness Tier', 'Index'],
      ['15-1252.00', 'Software Developers', '15-1211.00', 'Computer Systems Analysts', 'Primary-Short', '1'],
      ['15-1211.00', 'Computer Systems Analysts', '15-1252.00', 'Software Developers', 'Primary-Short', '1'],
    ]),
  );
  return files;
}

/** A zip of `files` under `folder/`, as O*NET ships `db_30_1_text/`. */
export async function zipOf(files: Map<string, string | Buffer>, folder?: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of files) {
    zip.addBuffer(Buffer.from(content), folder ? `${folder}/${name}` : name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The O*NET text-release zip, `db_30_1_text.zip`, holding `onetTextFiles` or the given files. */
export function onetZip(version = '30.1', files = onetTextFiles(version)): Promise<Buffer> {
  return zipOf(files, `db_${version.replace('.', '_')}_text`);
}

const OEWS_HEADER = [
  'AREA',
  'AREA_TITLE',
  'AREA_TYPE',
  'PRIM_STATE',
  'NAICS',
  'NAICS_TITLE',
  'I_GROUP',
  'OWN_CODE',
  'OCC_CODE',
  'OCC_TITLE',
  'O_GROUP',
  'TOT_EMP',
  'EMP_PRSE',
  'JOBS_1000',
  'LOC_QUOTIENT',
  'PCT_TOTAL',
  'PCT_RPT',
  'H_MEAN',
  'A_MEAN',
  'MEAN_PRSE',
  'H_PCT10',
  'H_PCT25',
  'H_MEDIAN',
  'H_PCT75',
  'H_PCT90',
  'A_PCT10',
  'A_PCT25',
  'A_MEDIAN',
  'A_PCT75',
  'A_PCT90',
  'ANNUAL',
  'HOURLY',
];

/** Annual pay of the 15-1252 Software Developers row in the test workbook for `year`. */
export const softwareMedian = (year: number) => 130_000 + (year - 2020) * 2_000;

type Cell = string | number | null;

/** BLS's `national_M<year>_dl.xlsx`: a handful of rows, with the markers BLS uses. */
export async function oewsWorkbook(year: number, header = OEWS_HEADER): Promise<Buffer> {
  const row = (
    code: string,
    title: string,
    group: string,
    emp: Cell,
    hourly: Cell[],
    annual: Cell[],
    flags: Cell[] = [null, null],
  ): Cell[] => [
    '99',
    'U.S.',
    1,
    'US',
    '000000',
    'Cross-industry',
    'cross-industry',
    1235,
    code,
    title,
    group,
    emp,
    0.3,
    null,
    null,
    null,
    null,
    hourly[2] ?? null,
    annual[2] ?? null,
    0.2,
    ...hourly,
    ...annual,
    ...flags,
  ];
  const median = softwareMedian(year);
  const hourly = (annual: number) => Math.round((annual / 2080) * 100) / 100;
  const data: Cell[][] = [
    header,
    row(
      '00-0000',
      'All Occupations',
      'total',
      151_853_870,
      [14.5, 17.6, 23.8, 37.2, 58.1],
      [30_160, 36_600, 49_500, 77_380, 120_900],
    ),
    row(
      '15-1252',
      'Software Developers',
      'detailed',
      1_654_440,
      [
        hourly(median - 50_000),
        hourly(median - 30_000),
        hourly(median) + 0.009999999999999,
        hourly(median + 30_000),
        year < 2025 ? '#' : 103.21,
      ],
      [median - 50_000, median - 30_000, median, median + 30_000, year < 2025 ? '#' : 214_670],
    ),
    row(
      '15-1211',
      'Computer Systems Analysts',
      'detailed',
      499_270,
      [32.1, 39.9, 49.7, 62.8, 76.4],
      [66_770, 82_990, 103_790, 130_620, 158_830],
    ),
    row(
      '27-2011',
      'Actors',
      'detailed',
      63_560,
      [12.9, 17.0, 29.05, 45.5, 77.1],
      ['*', '*', '*', '*', '*'],
      [null, 'TRUE'],
    ),
    row(
      '13-1020',
      'Buyers and Purchasing Agents',
      'broad',
      447_600,
      [23.3, 28.4, 35.7, 45.6, 58.2],
      [48_460, 59_070, 74_230, 94_850, 121_120],
    ),
  ];
  return writeExcelFile(data as never).toBuffer();
}

/** BLS's `oesm<YY>nat.zip`, holding `oesm<YY>nat/national_M<year>_dl.xlsx`. */
export async function oewsZip(year: number, workbook?: Buffer): Promise<Buffer> {
  const yy = String(year % 100).padStart(2, '0');
  return zipOf(
    new Map([[`national_M${year}_dl.xlsx`, workbook ?? (await oewsWorkbook(year))]]),
    `oesm${yy}nat`,
  );
}

/** A route's answer: a body, or a status with no body. */
export type Route = Buffer | string | { status: number };

/**
 * A local HTTP server answering GET `path` from `routes` (404 for anything else), on a free
 * port. `requests` records each path and User-Agent, so a test can check what was asked.
 */
export async function serveFiles(routes: Map<string, Route>): Promise<{
  baseUrl: string;
  requests: { path: string; userAgent: string | undefined }[];
  close: () => Promise<void>;
}> {
  const requests: { path: string; userAgent: string | undefined }[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({ path, userAgent: req.headers['user-agent'] });
    const route = routes.get(path);
    if (route === undefined || (typeof route === 'object' && 'status' in route)) {
      res.writeHead(route?.status ?? 404).end();
      return;
    }
    res.writeHead(200, { 'content-length': Buffer.byteLength(route) }).end(route);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: a server is started to get a free one, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
