'use client';

import { useState } from 'react';
import { Button } from './button';

export type CopyButtonProps = {
  /** The text put on the clipboard. */
  text: string;
  /** The button's words, e.g. "Copy key". */
  label: string;
};

/** Copies `text` and says so (politely, for screen readers); says what to do if copying is refused. */
export function CopyButton({ text, label }: CopyButtonProps) {
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
      <span role="status" className="text-sm">
        {outcome === 'copied' ? 'Copied.' : null}
        {outcome === 'failed' ? 'Your browser did not allow copying: select the text and copy it.' : null}
      </span>
    </div>
  );
}
