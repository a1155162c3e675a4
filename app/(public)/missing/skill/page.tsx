import { notFound } from 'next/navigation';
import { connection } from 'next/server';

/** An unknown /skills/<slug>, sent here by proxy.ts: the skill page's own 404, never cached. */
export default async function MissingSkillPage() {
  await connection();
  notFound();
}
