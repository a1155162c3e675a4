import Link from 'next/link';
import { formatCount } from '@/lib/labor-market/pages/format';
import type { SkillPage } from '@/lib/labor-market/pages/skill';

/** The skill's name, what O*NET calls it and files it under, or for a topic, what it was matched to. */
export function SkillHeader({ skill }: { skill: SkillPage }) {
  const matched = skill.matchedAs;
  const occupations = `${formatCount(skill.occupationCount)} ${skill.occupationCount === 1 ? 'occupation' : 'occupations'}`;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        <Link href="/explore" className="underline">
          Explore skills and jobs
        </Link>
      </p>
      <h1 className="text-3xl font-bold break-words">{skill.name}</h1>
      {skill.isHot ? (
        <p>
          <span className="inline-block rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-950">
            Hot technology
          </span>
        </p>
      ) : null}
      <dl className="grid max-w-3xl gap-x-3 gap-y-1 text-stone-800 sm:grid-cols-[auto_1fr]">
        {skill.onetName ? (
          <>
            <dt className="font-medium">Name in O*NET</dt>
            <dd className="break-words">{skill.onetName}</dd>
          </>
        ) : null}
        {skill.category ? (
          <>
            <dt className="font-medium">Category</dt>
            <dd className="break-words">{skill.category}</dd>
          </>
        ) : null}
        {matched?.technologies.length ? (
          <>
            <dt className="font-medium">Technologies</dt>
            <dd>
              {matched.technologies.map((t, i) => (
                <span key={t.slug}>
                  {i > 0 ? ', ' : ''}
                  <Link href={`/skills/${t.slug}`} className="underline">
                    {t.name}
                  </Link>
                </span>
              ))}
              {matched.relation ? <span className="text-stone-700"> ({matched.relation})</span> : null}
            </dd>
          </>
        ) : null}
        {matched?.skills.length ? (
          <>
            <dt className="font-medium">O*NET skills</dt>
            <dd>{matched.skills.join(', ')}</dd>
          </>
        ) : null}
        {matched?.titles.length ? (
          <>
            <dt className="font-medium">Matched job titles</dt>
            <dd className="break-words">
              {matched.titles
                .slice(0, 6)
                .map((t) => t.title)
                .join(' · ')}
            </dd>
          </>
        ) : null}
        <dt className="font-medium">Used in</dt>
        <dd>
          {occupations}
          {skill.isHot ? '; frequently named in employers’ job postings' : ''}
        </dd>
      </dl>
      {matched ? (
        <p className="max-w-3xl text-sm text-stone-700">
          {skill.name} is not a single technology in the O*NET data, so Laurel matched it to the{' '}
          {matchedKinds(matched)} above.
        </p>
      ) : null}
    </div>
  );
}

/** "technologies and job titles", "O*NET skills", … : what a topic was matched to. */
function matchedKinds(matched: NonNullable<SkillPage['matchedAs']>): string {
  const kinds = [
    matched.technologies.length ? 'technologies' : null,
    matched.skills.length ? 'O*NET skills' : null,
    matched.titles.length ? 'job titles' : null,
  ].filter((k): k is string => k !== null);
  return kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : (kinds[0] ?? 'terms');
}
