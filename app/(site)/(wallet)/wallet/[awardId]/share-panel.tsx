'use client';

import { useState } from 'react';
import { sendBadgeEvent } from '@/components/badges/badge-beacon';
import { type ShareLink, ShareLinkList } from '@/components/badges/share-link-list';
import { buttonClassName } from '@/components/ui/button';
import { useSetVisibility, useVisibility } from './use-visibility';

export type ShareTargets = {
  publicUrl: string;
  links: ShareLink[];
  embed: string;
  signature: string;
  qrSvg: string;
};

type Props = { awardId: string; initialIsPublic: boolean; targets: ShareTargets };

function CopyField({
  label,
  id,
  value,
  onCopy,
}: {
  label: string;
  id: string;
  value: string;
  onCopy: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <textarea
        id={id}
        readOnly
        value={value}
        rows={value.length > 120 ? 4 : 1}
        className="rounded-md border border-stone-400 bg-stone-50 p-2 font-mono text-xs"
      />
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={buttonClassName('secondary')}
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
            onCopy();
          }}
        >
          Copy {label.toLowerCase()}
        </button>
        <span role="status" aria-live="polite" className="text-sm text-green-800">
          {copied ? 'Copied' : ''}
        </span>
      </div>
    </div>
  );
}

/** Every way to share one badge. A private badge first offers to become public. */
export function SharePanel({ awardId, initialIsPublic, targets }: Props) {
  const [error, setError] = useState('');
  const { data: isPublic } = useVisibility(awardId, initialIsPublic);
  const makePublic = useSetVisibility(awardId, { error: setError });
  // The events route counts a share only from the owner's session, which this page has.
  const counted = () => sendBadgeEvent(awardId, 'share');

  if (!isPublic) {
    return (
      <div className="flex flex-col gap-3">
        <p>This badge is private, so nobody you share it with could open it. Make it public to share it.</p>
        <div>
          <button
            type="button"
            className={buttonClassName('primary')}
            onClick={() => makePublic.mutate(true)}
          >
            Make public and share
          </button>
        </div>
        <p role="status" aria-live="polite" className="text-sm text-red-800">
          {error}
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <ShareLinkList links={targets.links} onShare={counted} />
      <CopyField label="Link" id="share-link" value={targets.publicUrl} onCopy={counted} />
      <CopyField label="Embed code" id="share-embed" value={targets.embed} onCopy={counted} />
      <CopyField label="Email signature" id="share-signature" value={targets.signature} onCopy={counted} />
      <div className="flex flex-col gap-2">
        <span className="font-medium">QR code for print</span>
        {/* biome-ignore lint/performance/noImgElement: an inline SVG data URL, no optimisation to gain */}
        <img
          src={targets.qrSvg}
          alt={`QR code linking to ${targets.publicUrl}`}
          width={160}
          height={160}
          className="h-40 w-40 bg-white"
        />
        <a href={targets.qrSvg} download="badge-qr-code.svg" className="text-sm underline">
          Download the QR code (SVG)
        </a>
      </div>
    </div>
  );
}
