import {
  lmJobZones,
  lmOccupationRatings,
  lmOccupations,
  lmOccupationTechnologies,
  lmOccupationTitles,
  lmRelatedOccupations,
} from '@/db/schema';
import { normalizeTerm, slugify } from '@/lib/labor-market/normalize';
import { type CsvRow, readCsvFile } from './csv-reader';
import type { ReleaseFiles } from './files';
import { BadValue } from './problems';
import type { ImportProgress } from './progress';
import { Batch, type ReleaseSink } from './sink';
import { integer, number, oneOf, onetCode, text, yesNo } from './values';

export type ReadContext = {
  releaseId: string;
  files: ReleaseFiles;
  sink: ReleaseSink;
  progress?: ImportProgress;
  /** Rows read per file, and derived counts, for the release's `row_counts`. */
  counts: Record<string, number>;
};

/** O*NET occupation code → its 6-digit SOC code; every other file's codes must be in it. */
export type Occupations = Map<string, string>;
export type Technology = { slug: string; name: string; nameNorm: string; isHot: boolean };

function known(occupations: Occupations, row: CsvRow, column: string): string {
  const code = onetCode(row, column);
  if (!occupations.has(code)) throw new BadValue(`${column} ${code} is not in the occupations file`);
  return code;
}

/** Throws when `key` was seen before; `where` says where this row is ("line 12"). */
function once(seen: Map<string, string>, key: string, where: string, what: string) {
  const earlier = seen.get(key);
  if (earlier !== undefined) throw new BadValue(`${what} repeats ${earlier}`);
  seen.set(key, where);
}

export async function readJobZones(ctx: ReadContext): Promise<Set<number>> {
  const zones = new Map<string, string>();
  const batch = new Batch(ctx.sink, lmJobZones);
  ctx.counts.jobZones = await readCsvFile(
    ctx.files.jobZones,
    async (row) => {
      const zone = integer(row, 'job_zone', { min: 1, max: 5 });
      const values = {
        name: text(row, 'name'),
        experience: text(row, 'experience'),
        education: text(row, 'education'),
        jobTraining: text(row, 'job_training'),
        examples: text(row, 'examples'),
      };
      once(zones, String(zone), `line ${row.line}`, `job zone ${zone}`);
      await batch.add({ releaseId: ctx.releaseId, zone, ...values });
    },
    ctx.progress,
  );
  await batch.flush();
  return new Set([...zones.keys()].map(Number));
}

export async function readOccupations(ctx: ReadContext, zones: Set<number>): Promise<Occupations> {
  const occupations: Occupations = new Map();
  const lines = new Map<string, string>();
  const batch = new Batch(ctx.sink, lmOccupations);
  ctx.counts.occupations = await readCsvFile(
    ctx.files.occupations,
    async (row) => {
      const code = onetCode(row, 'onet_soc_code');
      const jobZone = row.get('job_zone').trim() === '' ? null : integer(row, 'job_zone');
      if (jobZone !== null && !zones.has(jobZone)) {
        throw new BadValue(`job_zone ${jobZone} is not in ${ctx.files.jobZones.name}`);
      }
      const values = { title: text(row, 'title'), description: text(row, 'description') };
      once(lines, code, `line ${row.line}`, `occupation ${code}`);
      occupations.set(code, code.slice(0, 7));
      await batch.add({ releaseId: ctx.releaseId, code, socCode: code.slice(0, 7), jobZone, ...values });
    },
    ctx.progress,
  );
  await batch.flush();
  return occupations;
}

/**
 * Alternate (and their short forms) and reported titles. O*NET repeats a few (code, title)
 * pairs; a repeat adds nothing, so duplicates are skipped rather than refused.
 */
export async function readTitles(ctx: ReadContext, occupations: Occupations): Promise<void> {
  const batch = new Batch(ctx.sink, lmOccupationTitles, { ignoreDuplicates: true });
  const releaseId = ctx.releaseId;
  ctx.counts.alternateTitles = await readCsvFile(
    ctx.files.alternateTitles,
    async (row) => {
      const code = known(occupations, row, 'onet_soc_code');
      const title = text(row, 'alternate_title');
      const short = row.get('short_title').trim();
      const isFeatured = false;
      await batch.add({
        releaseId,
        code,
        kind: 'alternate',
        title,
        titleNorm: normalizeTerm(title),
        isFeatured,
      });
      if (short) {
        await batch.add({
          releaseId,
          code,
          kind: 'short',
          title: short,
          titleNorm: normalizeTerm(short),
          isFeatured,
        });
      }
    },
    ctx.progress,
  );
  ctx.counts.reportedTitles = await readCsvFile(
    ctx.files.reportedTitles,
    async (row) => {
      const code = known(occupations, row, 'onet_soc_code');
      const title = text(row, 'reported_job_title');
      const isFeatured = yesNo(row, 'shown_in_my_next_move');
      await batch.add({
        releaseId,
        code,
        kind: 'reported',
        title,
        titleNorm: normalizeTerm(title),
        isFeatured,
      });
    },
    ctx.progress,
  );
  await batch.flush();
}

/**
 * Technology skills: the links are written as they stream in; the technologies themselves (one
 * per distinct name, hot if any row says so) are returned for the caller to write with aliases.
 */
export async function readTechnologies(ctx: ReadContext, occupations: Occupations): Promise<Technology[]> {
  const byName = new Map<string, Technology>();
  const slugs = new Set<string>();
  const links = new Map<string, string>();
  const batch = new Batch(ctx.sink, lmOccupationTechnologies);
  ctx.counts.technologySkills = await readCsvFile(
    ctx.files.technologySkills,
    async (row) => {
      const code = known(occupations, row, 'onet_soc_code');
      const name = text(row, 'example');
      const commodityCode = text(row, 'commodity_code');
      if (!/^\d+$/.test(commodityCode))
        throw new BadValue(`commodity_code '${commodityCode}' is not a number`);
      const commodityTitle = text(row, 'commodity_title');
      const isHot = yesNo(row, 'hot_technology');
      const isInDemand = yesNo(row, 'in_demand');
      let technology = byName.get(name);
      if (!technology) {
        technology = { slug: uniqueSlug(name, slugs), name, nameNorm: normalizeTerm(name), isHot };
        byName.set(name, technology);
      }
      once(links, `${code} ${technology.slug}`, `line ${row.line}`, `${code} with '${name}'`);
      technology.isHot ||= isHot;
      const technologySlug = technology.slug;
      await batch.add({
        releaseId: ctx.releaseId,
        code,
        technologySlug,
        commodityCode,
        commodityTitle,
        isInDemand,
      });
    },
    ctx.progress,
  );
  await batch.flush();
  return [...byName.values()];
}

/** C, C++ and C# get different slugs from slugify; a numeric suffix covers any other clash. */
function uniqueSlug(name: string, taken: Set<string>): string {
  const base = slugify(name) || 'technology';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Skill and knowledge ratings: importance 1–5, level 0–7. */
export async function readRatings(ctx: ReadContext, occupations: Occupations): Promise<void> {
  const seen = new Map<string, string>();
  const batch = new Batch(ctx.sink, lmOccupationRatings);
  for (const domain of ['skill', 'knowledge'] as const) {
    const file = domain === 'skill' ? ctx.files.skills : ctx.files.knowledge;
    ctx.counts[domain === 'skill' ? 'skills' : 'knowledge'] = await readCsvFile(
      file,
      async (row) => {
        const code = known(occupations, row, 'onet_soc_code');
        const elementId = text(row, 'element_id');
        if (!/^\d+(\.[A-Za-z0-9]+)+$/.test(elementId)) {
          throw new BadValue(`element_id '${elementId}' is not an O*NET element id (e.g. 2.A.1.a)`);
        }
        const values = {
          elementName: text(row, 'element_name'),
          importance: number(row, 'importance', { min: 1, max: 5 }),
          level: number(row, 'level', { min: 0, max: 7 }),
          isNotRelevant: yesNo(row, 'not_relevant'),
          isLowConfidence: yesNo(row, 'recommend_suppress'),
        };
        once(seen, `${code} ${elementId}`, `${file.name} line ${row.line}`, `${code} ${elementId}`);
        await batch.add({ releaseId: ctx.releaseId, code, elementId, domain, ...values });
      },
      ctx.progress,
    );
  }
  await batch.flush();
}

const TIERS = {
  'Primary-Short': 'primary_short',
  'Primary-Long': 'primary_long',
  Supplemental: 'supplemental',
} as const;

export async function readRelated(ctx: ReadContext, occupations: Occupations): Promise<void> {
  const seen = new Map<string, string>();
  const batch = new Batch(ctx.sink, lmRelatedOccupations);
  ctx.counts.relatedOccupations = await readCsvFile(
    ctx.files.relatedOccupations,
    async (row) => {
      const code = known(occupations, row, 'onet_soc_code');
      const relatedCode = known(occupations, row, 'related_onet_soc_code');
      const tier = oneOf(row, 'relatedness_tier', TIERS);
      const rank = integer(row, 'related_index', { min: 1, max: 1000 });
      once(seen, `${code} ${relatedCode}`, `line ${row.line}`, `${code} → ${relatedCode}`);
      await batch.add({ releaseId: ctx.releaseId, code, relatedCode, tier, rank });
    },
    ctx.progress,
  );
  await batch.flush();
}
