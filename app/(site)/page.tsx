import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = {
  title: 'Laurel — your badges, in one place, on your terms',
  description:
    'Laurel is a free open badge wallet. Keep every badge you earn, choose who sees each one, share it in one click, and let anyone verify it.',
};

type Audience = {
  id: string;
  heading: string;
  intro: string;
  points: string[];
};

const audiences: Audience[] = [
  {
    id: 'learners',
    heading: 'For learners',
    intro: 'Your achievements belong to you, not to the platform that awarded them.',
    points: [
      'Keep every badge you earn in one place, from every issuer.',
      'Decide for each badge whether it is public or private.',
      'Share to LinkedIn, X, Facebook or email in one click, or embed it on your site.',
      'Download the badge image with its Open Badges proof baked in, so the proof travels with it.',
      'Free for learners.',
    ],
  },
  {
    id: 'visitors',
    heading: 'For visitors and recruiters',
    intro: 'Someone sent you a badge? You can check it is real in seconds.',
    points: [
      'Every shared badge has its own public page — no account needed.',
      'One click verifies it with the issuer, right now: not revoked, not expired, awarded to this person.',
      'Built on open standards, so the proof does not depend on trusting Laurel.',
    ],
  },
  {
    id: 'issuers',
    heading: 'For issuers',
    intro: 'Recognise what people learn on your platform, without building a badge system.',
    points: [
      'Award badges from your own platform over a simple REST API.',
      'Learners get an email, claim the badge and carry it with them.',
      'Open Badges 2.0 today, with 3.0 on the way.',
    ],
  },
];

function Section({ audience }: { audience: Audience }): ReactNode {
  const headingId = `${audience.id}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm"
    >
      <h2 id={headingId} className="text-xl font-semibold text-brand-800">
        {audience.heading}
      </h2>
      <p className="mt-2 text-stone-700">{audience.intro}</p>
      <ul className="mt-4 list-disc space-y-2 pl-5 text-stone-800 marker:text-brand-700">
        {audience.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </section>
  );
}

export default function HomePage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-12 sm:py-16">
      <section aria-labelledby="hero-heading" className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Open badge wallet</p>
        <h1 id="hero-heading" className="mt-2 text-4xl font-bold tracking-tight text-stone-900 sm:text-5xl">
          Every badge you earn, in one place you control.
        </h1>
        <p className="mt-4 text-lg text-stone-700">
          Laurel keeps the digital badges awarded to you, lets you choose who sees each one, and gives anyone
          you share them with a way to check they are genuine — in one click.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/sign-up">Create your wallet</ButtonLink>
          <ButtonLink href="/sign-in" variant="secondary">
            Sign in
          </ButtonLink>
          <ButtonLink href="/help" variant="secondary">
            How it works
          </ButtonLink>
        </div>
      </section>

      <div className="mt-14 grid gap-6 md:grid-cols-3">
        {audiences.map((audience) => (
          <Section key={audience.id} audience={audience} />
        ))}
      </div>
    </div>
  );
}
