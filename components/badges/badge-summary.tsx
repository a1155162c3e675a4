import Link from 'next/link';
import type { ReactNode } from 'react';
import { slugify } from '@/lib/labor-market/normalize';

export type BadgeSummaryProps = {
  badgeName: string;
  badgeDescription: string;
  badgeImageId: string;
  issuerName: string;
  issuerUrl?: string;
  /** Where the issuer's name links: their Laurel page when known, else their website. */
  issuerHref?: string;
  criteriaNarrative?: string;
  criteriaUrl?: string | null;
  skills?: string[];
  /** Link each skill tag to its page under /skills (where pages show labor-market insights). */
  isSkillLinked?: boolean;
  children?: ReactNode;
};

/** Image, name, issuer, description, criteria and skills of a badge. */
export function BadgeSummary(props: BadgeSummaryProps) {
  return (
    <article className="flex flex-col gap-6 sm:flex-row">
      {/* biome-ignore lint/performance/noImgElement: badge images are served from our own route, often SVG */}
      <img
        src={`/images/${props.badgeImageId}`}
        alt={props.badgeName}
        width={160}
        height={160}
        className="h-40 w-40 shrink-0"
      />
      {/* min-w-0 and anywhere-wrapping: a long issuer name, address or URL is one word that must wrap. */}
      <div className="flex min-w-0 flex-col gap-3 [overflow-wrap:anywhere]">
        <h2 className="text-2xl font-bold">{props.badgeName}</h2>
        <p className="text-stone-700">
          Issued by{' '}
          {props.issuerHref || props.issuerUrl ? (
            <a
              href={props.issuerHref ?? props.issuerUrl}
              className="font-medium underline"
              rel="noopener noreferrer"
            >
              {props.issuerName}
            </a>
          ) : (
            <span className="font-medium">{props.issuerName}</span>
          )}
        </p>
        <p>{props.badgeDescription}</p>
        {props.criteriaNarrative ? (
          <section>
            <h3 className="font-semibold">How it was earned</h3>
            <p className="whitespace-pre-line text-stone-800">{props.criteriaNarrative}</p>
            {props.criteriaUrl ? (
              <a href={props.criteriaUrl} className="text-sm underline" rel="noopener noreferrer">
                Full criteria
              </a>
            ) : null}
          </section>
        ) : null}
        {props.skills?.length ? (
          <ul aria-label="Skills" className="flex flex-wrap gap-2">
            {props.skills.map((skill) => {
              const slug = props.isSkillLinked ? slugify(skill) : '';
              return (
                <li key={skill} className="rounded-full bg-brand-100 px-3 py-1 text-sm text-brand-900">
                  {slug ? (
                    <Link href={`/skills/${slug}`} className="underline">
                      {skill}
                    </Link>
                  ) : (
                    skill
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
        {props.children}
      </div>
    </article>
  );
}
