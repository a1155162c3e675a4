import type { ReactNode } from 'react';

/** A card's facts, term beside value: the terms are short enough for a phone too. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">{children}</dl>;
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-stone-700">{term}</dt>
      <dd className="break-words [overflow-wrap:anywhere]">{children}</dd>
    </>
  );
}

export const CARD = 'flex min-w-0 flex-col gap-3 rounded-md border border-stone-200 bg-white p-4';
