'use client';

import type { ReactNode } from 'react';
import { buttonClassName } from '@/components/ui/button';

export type ShareLink = { label: string; href: string };

/**
 * A badge's share links (LinkedIn, X, Facebook, email ...) as buttons that open in a new tab;
 * `onShare` hears each click (to count it), `children` adds items of the same row (Copy link).
 */
export function ShareLinkList({
  links,
  onShare,
  children,
}: {
  links: ShareLink[];
  onShare?: () => void;
  children?: ReactNode;
}) {
  return (
    <ul className="flex flex-wrap items-start gap-2">
      {links.map((link) => (
        <li key={link.label}>
          <a
            href={link.href}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonClassName('secondary')}
            onClick={onShare}
          >
            {link.label}
          </a>
        </li>
      ))}
      {children}
    </ul>
  );
}
