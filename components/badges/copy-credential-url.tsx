'use client';

import { CopyButton } from '@/components/ui/copy-button';

/** The credential's address in a read-only field, with a copy button whose result is announced. */
export function CopyCredentialUrl({ url }: { url: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="credential-url" className="font-medium">
        Credential link
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id="credential-url"
          type="url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-[1_1_16rem] rounded-md border border-stone-400 bg-stone-50 p-2 font-mono text-xs text-stone-900"
        />
        <CopyButton
          text={url}
          label="Copy credential link"
          copiedMessage="Credential link copied"
          failedMessage="Could not copy: select the link and copy it yourself"
        />
      </div>
    </div>
  );
}
