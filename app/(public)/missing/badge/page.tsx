import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

export const metadata: Metadata = { title: 'Badge not shared' };

/** An unknown or private /badges/<id>, sent here by proxy.ts: the badge page's own 404, never cached. */
export default async function MissingBadgePage() {
  await connection();
  notFound();
}
