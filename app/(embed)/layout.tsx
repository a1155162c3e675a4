import type { ReactNode } from 'react';
import '../globals.css';

/**
 * Pages other sites put in an iframe: only the content, no site header, footer or banner. The
 * only routes allowed to be framed (see next.config.ts), and like (public) they read no session.
 */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-transparent">{children}</body>
    </html>
  );
}
