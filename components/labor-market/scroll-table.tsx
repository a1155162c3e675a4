import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone: it scrolls sideways inside its own box (a region named
 * after the table), which keyboard users can focus and scroll.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard
    <section aria-label={label} tabIndex={0} className="max-w-full overflow-x-auto">
      {children}
    </section>
  );
}
