'use client';

import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * The header's links: one row on wide screens; below `lg`, behind a Menu button, so the bar keeps
 * one height on a phone whichever links it holds (no sideways scroll, no shift when they change).
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // A followed link closes the menu; the effect runs again whenever the path changes.
  useEffect(() => {
    if (pathname) setIsOpen(false);
  }, [pathname]);
  // Escape closes an open menu and puts focus back on its button.
  useEffect(() => {
    if (!isOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [isOpen]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setIsOpen((open) => !open)}
        className="inline-flex items-center gap-2 rounded border border-stone-300 px-3 py-1.5 text-sm font-medium text-stone-900 hover:bg-stone-100 lg:hidden"
      >
        <span aria-hidden="true" className="text-base leading-none">
          {isOpen ? '✕' : '☰'}
        </span>
        Menu
      </button>
      <div
        id={id}
        className={`${isOpen ? 'flex' : 'hidden'} w-full flex-col gap-1 border-t border-stone-200 pt-2 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:border-0 lg:pt-0`}
      >
        {children}
      </div>
    </>
  );
}
