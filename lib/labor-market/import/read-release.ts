import { lmTechnologies, lmTechnologyAliases, lmWageLinks } from '@/db/schema';
import { CURATED_ALIASES } from '@/lib/labor-market/aliases';
import { deriveAliases, linkWages } from './derive';
import type { ReleaseFiles } from './files';
import type { ImportProgress } from './progress';
import {
  type ReadContext,
  readJobZones,
  readOccupations,
  readRatings,
  readRelated,
  readTechnologies,
  readTitles,
} from './read-onet';
import { compareCrosswalk, readWages } from './read-wages';
import { Batch, type ReleaseSink } from './sink';

export type ReleaseSummary = {
  wageYear: number;
  rowCounts: Record<string, number>;
  warnings: string[];
};

/**
 * Reads, checks and writes (to `sink`) every file of a release, then what is derived from them:
 * technologies, aliases and wage links. Needs no database: the checks across files (every code
 * an occupation, every job zone described) run on what was read before, which is why the
 * occupations come first. Throws an `invalid` AppError naming the file and lines at the first
 * file with a problem.
 */
export async function readRelease(options: {
  files: ReleaseFiles;
  releaseId: string;
  sink: ReleaseSink;
  progress?: ImportProgress;
}): Promise<ReleaseSummary> {
  const ctx: ReadContext = { ...options, counts: {} };
  const zones = await readJobZones(ctx);
  const occupations = await readOccupations(ctx, zones);
  await readTitles(ctx, occupations);
  const technologies = await readTechnologies(ctx, occupations);
  await readRatings(ctx, occupations);
  await readRelated(ctx, occupations);
  const { wageYear, detailed } = await readWages(ctx);

  const latest = detailed.get(wageYear) ?? new Map<string, boolean>();
  const links = linkWages(occupations, new Set(latest.keys()));
  const warnings = await compareCrosswalk(ctx, links);
  const { aliases, warnings: aliasWarnings } = deriveAliases(technologies, CURATED_ALIASES);
  warnings.push(...aliasWarnings);

  const { releaseId, sink } = ctx;
  const technologyBatch = new Batch(sink, lmTechnologies);
  for (const t of technologies) await technologyBatch.add({ releaseId, ...t });
  await technologyBatch.flush();
  const aliasBatch = new Batch(sink, lmTechnologyAliases);
  for (const [aliasNorm, technologySlug] of aliases)
    await aliasBatch.add({ releaseId, aliasNorm, technologySlug });
  await aliasBatch.flush();
  const linkBatch = new Batch(sink, lmWageLinks);
  for (const link of links) await linkBatch.add({ releaseId, ...link });
  await linkBatch.flush();

  const withWage = links.filter((l) => l.oewsCode !== null && latest.get(l.oewsCode)).length;
  const rowCounts = {
    ...ctx.counts,
    technologies: technologies.length,
    hotTechnologies: technologies.filter((t) => t.isHot).length,
    aliases: aliases.size,
    occupationsWithWage: withWage,
  };
  return { wageYear, rowCounts, warnings };
}
