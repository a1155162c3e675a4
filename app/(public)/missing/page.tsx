import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';

export const metadata: Metadata = { title: 'Not found' };

/**
 * Where proxy.ts sends unknown badge, occupation and skill addresses: a 404 rendered per request
 * (never cached), so made-up ids cannot fill the page cache.
 */
export default async function MissingPage() {
  await connection();
  notFound();
}
