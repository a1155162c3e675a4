'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ProfileStatus } from '../profile-status';
import { useVisibility } from './use-visibility';

type Props = {
  awardId: string;
  initialIsPublic: boolean;
  /** LinkedIn's "add a certification" address for this badge. */
  linkedInUrl: string;
  profile: ProfileStatus;
};

const link = 'font-medium underline';

/**
 * Right after accepting: what the learner can do with the badge now, each a link to do it. It
 * follows the Public/Private choice further down the page.
 */
export function NextSteps({ awardId, initialIsPublic, linkedInUrl, profile }: Props) {
  const { data: isPublic } = useVisibility(awardId, initialIsPublic);
  const steps: { title: string; body: ReactNode }[] = [
    {
      title: 'Share it',
      body: isPublic ? (
        <a href="#share" className={link}>
          Share on LinkedIn, X, Facebook, by email or as a link
        </a>
      ) : (
        <>
          It is private, so nobody else can open it yet.{' '}
          <a href="#visibility" className={link}>
            Make it public to share it
          </a>
        </>
      ),
    },
    ...(isPublic
      ? [
          {
            title: 'Add it to LinkedIn',
            body: (
              <a href={linkedInUrl} target="_blank" rel="noopener noreferrer" className={link}>
                Add it to the Licenses &amp; certifications of your LinkedIn profile
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            ),
          },
        ]
      : []),
    { title: 'Your public profile', body: <ProfileStep profile={profile} isPublic={isPublic} /> },
    {
      title: 'Download it',
      body: (
        <a href="#downloads" className={link}>
          Download the badge image with its proof inside, or add it to a digital wallet
        </a>
      ),
    },
  ];
  return (
    <section
      aria-labelledby="next-steps-heading"
      className="flex flex-col gap-3 rounded-lg border border-brand-200 bg-brand-50 p-4 text-stone-900 sm:p-6"
    >
      <h2 id="next-steps-heading" className="text-xl font-semibold">
        Badge accepted. It is now in your wallet.
      </h2>
      <p>What you can do next:</p>
      <ol className="flex list-decimal flex-col gap-2 pl-6">
        {steps.map((step) => (
          <li key={step.title}>
            <strong>{step.title}:</strong> {step.body}
          </li>
        ))}
      </ol>
    </section>
  );
}

function ProfileStep({ profile, isPublic }: { profile: ProfileStatus; isPublic: boolean }) {
  if (profile.kind === 'live') {
    return (
      <>
        {isPublic ? null : 'Private badges do not appear there. '}
        <Link href={`/u/${profile.handle}`} className={link}>
          {isPublic ? 'See it on your profile' : 'Open your profile'} at /u/{profile.handle}
        </Link>
      </>
    );
  }
  return (
    <>
      {profile.kind === 'none'
        ? 'Choose a handle to get one page that shows all your public badges. '
        : 'Your profile is hidden. '}
      <Link href="/settings#profile" className={link}>
        {profile.kind === 'none' ? 'Set up your public profile' : 'Make it public in Settings'}
      </Link>
    </>
  );
}
