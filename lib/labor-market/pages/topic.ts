import 'server-only';
import type { Executor } from '@/db/client';
import { loadVocabulary } from '../match/load-vocabulary';
import { resolveTag } from '../match/resolve-tag';
import { unslugify } from '../normalize';
import { rankOccupations } from '../related';
import type { ActiveRelease } from '../release';
import type { SkillPage } from './skill';
import { distinctTitles, featuredTitles, occupationsWithPay, occupationTrends } from './skill-occupations';

const OCCUPATIONS_SHOWN = 12;

/**
 * The skill page of a topic: a tag such as "IAM" or "Cloud Security" that resolves to job titles,
 * skills or several technologies rather than one technology. Its occupations are ranked the way
 * related jobs are (lib/labor-market/related.ts); null when the tag matches nothing.
 */
export async function findTopicPage(
  db: Executor,
  input: { release: ActiveRelease; slug: string; now?: Date },
): Promise<SkillPage | null> {
  const { release } = input;
  const resolved = resolveTag(await loadVocabulary(db, release.id), unslugify(input.slug));
  if (resolved.matches.length === 0) return null;
  const ranked = await rankOccupations(db, {
    releaseId: release.id,
    resolved: [resolved],
    limit: OCCUPATIONS_SHOWN,
    now: input.now ?? new Date(),
  });
  const occupations = await occupationsWithPay(db, {
    release,
    codes: ranked.occupations.map((o) => o.code),
  });
  const titleMatches = resolved.matches.flatMap((m) =>
    m.kind === 'title' ? [{ title: m.title, code: m.code }] : [],
  );
  const [featured, trend] = await Promise.all([
    featuredTitles(db, { releaseId: release.id, codes: occupations.map((o) => o.code) }),
    occupationTrends(db, { releaseId: release.id, occupations }),
  ]);
  return {
    kind: 'topic',
    slug: input.slug,
    name: resolved.label,
    shortName: resolved.label,
    onetName: null,
    isHot: false,
    category: null,
    occupationCount: ranked.total,
    occupations: occupations.map(({ oewsCode: _, ...o }) => o),
    titles: distinctTitles([...titleMatches, ...featured]),
    trend,
    matchedAs: {
      technologies: resolved.matches.flatMap((m) =>
        m.kind === 'technology' ? [{ slug: m.slug, name: m.name }] : [],
      ),
      skills: resolved.matches.flatMap((m) => (m.kind === 'element' ? [m.name] : [])),
      titles: titleMatches,
      relation: resolved.synonym?.relation ?? null,
    },
  };
}
