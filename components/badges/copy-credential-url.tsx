'use client';

import { useState } from 'react';
import { buttonClassName } from '@/components/ui/button';

/** The credential's address in a read-only field, with a copy button whose result is announced. */
export function CopyCredentialUrl({ url }: { url: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Credential link copied');
    } catch {
      setStatus('Could not copy: select the link and copy it yourself');
    }
  };
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
        <button type="button" className={buttonClassName('secondary')} onClick={copy}>
          Copy credential link
        </button>
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-stone-800">
        {status}
      </p>
    </div>
  );
}
