import type { MetadataRoute } from 'next';

/** The web app manifest: Laurel's name, brand colours and icons (drawn by `npm run icons`). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Laurel — your badges, your proof',
    short_name: 'Laurel',
    description: 'Keep, control, share and prove the badges you have earned.',
    start_url: '/',
    display: 'standalone',
    // brand-700 (the mark's tile) and stone-50 (the page background), from app/globals.css.
    theme_color: '#166534',
    background_color: '#fafaf9',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
