'use client';

import { useState } from 'react';
import { Button } from './button';

export type CopyButtonProps = {
  /** The text put on the clipboard. */
  text: string;
  /** The button's words, e.g. "Copy key". */
  label: string;
  /** What the live region says after copying, and when the browser refuses. */
  copiedMessage?: string;
  failedMessage?: string;
};

/** Copies `text` and says so (politely, for screen readers); says what to do if copying is refused. */
export function CopyButton({
  text,
  label,
  copiedMessage = 'Copied.',
  failedMessage = 'Your browser did not allow copying: select the text and copy it.',
}: CopyButtonProps) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={copy}>
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-stone-800">
        {outcome === 'copied' ? copiedMessage : null}
        {outcome === 'failed' ? failedMessage : null}
      </span>
    </div>
  );
}
