import { notFound } from 'next/navigation';
import { connection } from 'next/server';

/** An unknown or private badge's embed card, sent here by proxy.ts: the card's 404, never cached. */
export default async function MissingEmbedPage() {
  await connection();
  notFound();
}
