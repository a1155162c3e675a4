import Link from 'next/link';
import { formatAmount, unitText } from '@/lib/labor-market/pages/format';
import type { OccupationPage } from '@/lib/labor-market/pages/occupation';

const TECHNOLOGIES_FIRST = 24;

/** Technologies, skills, titles and related occupations: the lists on an occupation page. */
export function OccupationDetails({ occupation: o }: { occupation: OccupationPage }) {
  const first = o.technologies.slice(0, TECHNOLOGIES_FIRST);
  const more = o.technologies.slice(TECHNOLOGIES_FIRST);
  return (
    <>
      {o.technologies.length ? (
        <section aria-labelledby="technologies" className="flex flex-col gap-3">
          <h2 id="technologies" className="text-xl font-semibold">
            Technologies used
          </h2>
          <p className="text-sm text-stone-700">
            <span className="font-medium text-amber-950">Hot</span>: frequently named in employers’ job
            postings. <span className="font-medium text-brand-800">In demand</span>: asked for in this
            occupation’s postings.
          </p>
          <TechnologyList items={first} />
          {more.length ? (
            <details>
              <summary className="cursor-pointer text-sm font-medium underline">
                {more.length} more technologies
              </summary>
              <div className="mt-3">
                <TechnologyList items={more} />
              </div>
            </details>
          ) : null}
        </section>
      ) : null}

      {o.skills.length || o.knowledge.length ? (
        <section aria-labelledby="abilities" className="flex flex-col gap-3">
          <h2 id="abilities" className="text-xl font-semibold">
            Important skills and knowledge
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <RatingList label="Skills" items={o.skills} />
            <RatingList label="Knowledge" items={o.knowledge} />
          </div>
        </section>
      ) : null}

      {o.titles.length ? (
        <section aria-labelledby="titles" className="flex flex-col gap-2">
          <h2 id="titles" className="text-xl font-semibold">
            Job titles in this occupation
          </h2>
          <p className="text-sm">{o.titles.join(' · ')}</p>
        </section>
      ) : null}

      {o.related.length ? (
        <section aria-labelledby="related" className="flex flex-col gap-2">
          <h2 id="related" className="text-xl font-semibold">
            Related occupations
          </h2>
          <ul className="flex flex-col gap-1">
            {o.related.map((r) => (
              <li key={r.code}>
                <Link href={`/occupations/${r.code}`} className="underline">
                  {r.title}
                </Link>
                {r.pay?.median ? (
                  <span className="text-sm text-stone-700">
                    {' '}
                    · median {formatAmount(r.pay.median, r.pay.unit)} {unitText[r.pay.unit]}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function TechnologyList({ items }: { items: OccupationPage['technologies'] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {items.map((t) => (
        <li key={t.slug}>
          <Link
            href={`/skills/${t.slug}`}
            className="inline-flex items-center gap-1.5 rounded-full border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-100"
          >
            {t.name}
            {t.isHot ? (
              <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-950">Hot</span>
            ) : null}
            {t.isInDemand ? (
              <span className="rounded bg-brand-100 px-1.5 text-xs font-medium text-brand-900">
                In demand
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function RatingList({ label, items }: { label: string; items: OccupationPage['skills'] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="font-medium">{label}</h3>
      <ul className="text-sm">
        {items.map((item) => (
          <li key={item.name}>
            {item.name} <span className="text-stone-700">(importance {item.importance.toFixed(1)} of 5)</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
