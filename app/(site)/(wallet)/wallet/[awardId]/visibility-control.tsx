'use client';

import Link from 'next/link';
import { useState } from 'react';
import { VisibilityChoice } from '@/components/badges/visibility-choice';
import { useSetVisibility, useVisibility } from './use-visibility';

type Props = {
  awardId: string;
  initialIsPublic: boolean;
  /** Why the badge cannot be made public (revoked), if it cannot. */
  publicRefusal?: string;
  /** False once revoked or expired: public or not, it is no longer shared. */
  isShareable: boolean;
};

/**
 * The wallet's Public/Private choice, the same as when accepting. It saves as it changes and says
 * so; the public page's link shows only while there is a public page.
 */
export function VisibilityControl({ awardId, initialIsPublic, publicRefusal, isShareable }: Props) {
  const [message, setMessage] = useState<{ tone: 'saved' | 'error'; text: string } | null>(null);
  const { data: savedIsPublic } = useVisibility(awardId, initialIsPublic);
  // The radio follows a click in the same render: the shared query only tells its readers a moment
  // later (TanStack batches notifications on a timer), and React would put a controlled radio back
  // until then.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const isPublic = chosen ?? savedIsPublic;
  const mutation = useSetVisibility(awardId, {
    error: (text) => setMessage({ tone: 'error', text }),
    saved: (nowPublic) =>
      setMessage({
        tone: 'saved',
        text: nowPublic
          ? 'Saved. Anyone with the link can see this badge now.'
          : 'Saved. Only you can see this badge now.',
      }),
  });
  return (
    <div className="flex flex-col gap-3">
      <VisibilityChoice
        isPublic={isPublic}
        publicRefusal={publicRefusal}
        isShareable={isShareable}
        isLegendHidden
        onChange={(nowPublic) => {
          setMessage(null);
          setChosen(nowPublic);
          mutation.mutate(nowPublic, { onSettled: () => setChosen(null) });
        }}
      />
      <p
        role="status"
        aria-live="polite"
        className={`text-sm font-medium ${message?.tone === 'error' ? 'text-red-800' : 'text-green-800'}`}
      >
        {message?.text}
      </p>
      {isPublic ? (
        <p className="text-sm">
          <Link href={`/badges/${awardId}`} className="font-medium underline">
            Open the public badge page
          </Link>
        </p>
      ) : null}
    </div>
  );
}
