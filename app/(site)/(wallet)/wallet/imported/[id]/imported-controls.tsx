'use client';

import Link from 'next/link';
import { useState } from 'react';
import { type ShareLink, ShareLinkList } from '@/components/badges/share-link-list';
import { VisibilityChoice } from '@/components/badges/visibility-choice';
import { CopyButton } from '@/components/ui/copy-button';
import { idle } from '@/lib/actions/form-state';
import { setImportedVisibilityAction } from './actions';

type Props = {
  id: string;
  initialIsPublic: boolean;
  publicRefusal?: string;
  /** False once expired: its public page stays as a record, but it is not shared. */
  isShareable: boolean;
  /** The public page, for the link here. */
  publicPath: string;
  /** Its full address, to copy and share. */
  shareUrl: string;
  links: ShareLink[];
};

/** The Public/Private choice, saved as it changes, and the share links while it is public. */
export function ImportedControls({
  id,
  initialIsPublic,
  publicRefusal,
  isShareable,
  publicPath,
  shareUrl,
  links,
}: Props) {
  const [isPublic, setIsPublic] = useState(initialIsPublic);
  const [message, setMessage] = useState<{ tone: 'saved' | 'error'; text: string } | null>(null);

  async function change(nowPublic: boolean) {
    const before = isPublic;
    setIsPublic(nowPublic);
    setMessage(null);
    const form = new FormData();
    form.set('id', id);
    form.set('isPublic', String(nowPublic));
    const result = await setImportedVisibilityAction(idle, form).catch(() => null);
    if (!result || result.status === 'error') {
      setIsPublic(before);
      setMessage({ tone: 'error', text: result?.message ?? 'That change could not be saved. Try again.' });
      return;
    }
    setMessage({
      tone: 'saved',
      text: nowPublic
        ? 'Saved. Anyone with the link can see this badge now.'
        : 'Saved. Only you can see this badge now.',
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="visibility-heading" className="flex flex-col gap-3">
        <h2 id="visibility-heading" className="text-xl font-semibold">
          Who can see this badge?
        </h2>
        <VisibilityChoice
          isPublic={isPublic}
          publicRefusal={publicRefusal}
          isShareable={isShareable}
          isLegendHidden
          onChange={change}
        />
        <p
          role="status"
          aria-live="polite"
          className={`text-sm font-medium ${message?.tone === 'error' ? 'text-red-800' : 'text-green-800'}`}
        >
          {message?.text}
        </p>
      </section>
      <section aria-labelledby="share-heading" className="flex flex-col gap-3">
        <h2 id="share-heading" className="text-xl font-semibold">
          Share
        </h2>
        {isPublic ? (
          <>
            <p>
              <Link href={publicPath} className="font-medium underline [overflow-wrap:anywhere]">
                Open the public badge page
              </Link>
            </p>
            {isShareable ? (
              <ShareLinkList links={links}>
                <li>
                  <CopyButton text={shareUrl} label="Copy link" copiedMessage="Link copied" />
                </li>
              </ShareLinkList>
            ) : (
              <p>It has expired, so it is no longer shared; its public page stays up as a record.</p>
            )}
          </>
        ) : (
          <p>This badge is private, so nobody you share it with could open it. Make it public to share it.</p>
        )}
      </section>
    </div>
  );
}
