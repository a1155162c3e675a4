/**
 * For the jobs conformance tests: the public sample feed (in LAUREL_FIXTURES) with employers
 * renamed per test, and a labor-market release cut from the public O*NET fixtures down to the
 * rows the sample can match. The release is stored as `retired`, so it never competes with a
 * release another test file made active; tests pass its id explicitly.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  laborMarketReleases,
  lmOccupations,
  lmOccupationTechnologies,
  lmOccupationTitles,
  lmTechnologies,
  lmTechnologyAliases,
} from '@/db/schema';
import { CURATED_ALIASES } from '@/lib/labor-market/aliases';
import { normalizeTerm, slugify } from '@/lib/labor-market/normalize';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { titleKeys } from './resolve';

/** A file of the labor-market fixtures (the sample feed, the O*NET release) in LAUREL_FIXTURES. */
export const laborMarketFixture = (file: string) => publicFixture('labor-market', file);
export const sampleFeedPath = () => laborMarketFixture('jobposting-feed.sample.json');
export type Posting = Record<string, unknown> & { hiringOrganization?: { name: string; sameAs?: string } };

export const samplePostings = (): Posting[] => JSON.parse(readFileSync(sampleFeedPath(), 'utf8'));

/** The sample feed, each employer's name and sameAs host prefixed with `tag`. */
export function taggedSample(tag: string): Posting[] {
  return samplePostings().map((posting) => {
    const org = posting.hiringOrganization;
    if (!org) return posting;
    const sameAs = org.sameAs ? new URL(org.sameAs) : undefined;
    if (sameAs) sameAs.hostname = `${tag}-${sameAs.hostname}`;
    return {
      ...posting,
      hiringOrganization: { ...org, name: `${org.name} ${tag}`, ...(sameAs && { sameAs: sameAs.origin }) },
    };
  });
}

const csv = (file: string): Record<string, string>[] =>
  parse(readFileSync(laborMarketFixture(file)), { columns: true, bom: true });

const withoutParentheses = (title: string) => normalizeTerm(title.replace(/\([^)]*\)/g, ' '));

/** All O*NET occupations; the titles, technologies and aliases the sample's titles and skills can hit. */
export async function insertSampleRelease(db: Executor): Promise<string> {
  const postings = samplePostings();
  const keys = new Set(postings.flatMap((p) => titleKeys(String(p.title))));
  const skills = postings.flatMap((p) =>
    typeof p.skills === 'string' ? p.skills.split(',') : ((p.skills ?? []) as string[]),
  );
  const aliasTargets = new Map(CURATED_ALIASES.map(([tag, name]) => [normalizeTerm(tag), name]));
  const wanted = new Set(
    skills.flatMap((s) => [normalizeTerm(s), normalizeTerm(aliasTargets.get(normalizeTerm(s)) ?? '')]),
  );

  const [release] = await db
    .insert(laborMarketReleases)
    .values({ status: 'retired', onetVersion: '29.3', wageYear: 2025, source: 'lib/jobs test' })
    .returning({ id: laborMarketReleases.id });
  if (!release) throw new Error('no release');
  const releaseId = release.id;

  const occupations = csv('onet_occupations.csv').map((r) => ({
    releaseId,
    code: r.onet_soc_code as string,
    socCode: (r.onet_soc_code as string).slice(0, 7),
    title: r.title as string,
    description: r.description as string,
    jobZone: r.job_zone ? Number(r.job_zone) : null,
  }));
  await db.insert(lmOccupations).values(occupations);

  const titles = [
    ...csv('onet_alternate_titles.csv').flatMap((r) => [
      { code: r.onet_soc_code, kind: 'alternate' as const, title: r.alternate_title, isFeatured: false },
      ...(r.short_title
        ? [{ code: r.onet_soc_code, kind: 'short' as const, title: r.short_title, isFeatured: false }]
        : []),
    ]),
    ...csv('onet_reported_titles.csv').map((r) => ({
      code: r.onet_soc_code,
      kind: 'reported' as const,
      title: r.reported_job_title,
      isFeatured: r.shown_in_my_next_move === 'Y',
    })),
  ]
    .map((t) => ({ ...t, code: t.code as string, title: t.title as string, releaseId }))
    .filter((t) => keys.has(normalizeTerm(t.title)) || keys.has(withoutParentheses(t.title)));
  const distinct = new Map(titles.map((t) => [`${t.code}|${t.kind}|${t.title}`, t]));
  await db
    .insert(lmOccupationTitles)
    .values([...distinct.values()].map((t) => ({ ...t, titleNorm: normalizeTerm(t.title) })));

  const links = csv('onet_technology_skills.csv').filter((r) =>
    wanted.has(normalizeTerm(r.example as string)),
  );
  const technologies = new Map(
    links.map((r) => [
      slugify(r.example as string),
      { name: r.example as string, isHot: r.hot_technology === 'Y' },
    ]),
  );
  await db.insert(lmTechnologies).values(
    [...technologies].map(([slug, t]) => ({
      releaseId,
      slug,
      name: t.name,
      nameNorm: normalizeTerm(t.name),
      isHot: t.isHot,
    })),
  );
  await db.insert(lmOccupationTechnologies).values(
    links.map((r) => ({
      releaseId,
      code: r.onet_soc_code as string,
      technologySlug: slugify(r.example as string),
      commodityCode: r.commodity_code as string,
      commodityTitle: r.commodity_title as string,
      isInDemand: r.in_demand === 'Y',
    })),
  );
  const aliases = CURATED_ALIASES.filter(([, name]) => technologies.has(slugify(name)));
  await db.insert(lmTechnologyAliases).values(
    aliases.map(([tag, name]) => ({
      releaseId,
      aliasNorm: normalizeTerm(tag),
      technologySlug: slugify(name),
    })),
  );
  return releaseId;
}

export async function deleteRelease(db: Executor, releaseId: string) {
  await db.delete(laborMarketReleases).where(eq(laborMarketReleases.id, releaseId));
}
