import 'server-only';
import type { Executor } from '@/db/client';
import { findPublicAward } from '@/lib/badges/public-award';
import { resolveOccupationCode } from '@/lib/labor-market/pages/occupation';
import { resolveSkillSlug } from '@/lib/labor-market/pages/skill';
import { getActiveRelease } from '@/lib/labor-market/release';
import { badgeKey, isRememberedKnown, rememberKnown } from './known-memo';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BADGE = /^\/badges\/([^/]+)(?:\/embed)?\/?$/;
const OCCUPATION = /^\/occupations\/([^/]+)\/?$/;
const SKILL = /^\/skills\/([^/]+)\/?$/;
const MAX_SEGMENT = 200;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Whether a cached public page (badge, embed card, occupation, skill) has something to show at
 * this path. Checked before rendering: Next's ISR stores every result, a 404 included, so only
 * a known path may reach those pages. A path with no data yet (no labor-market release) counts
 * as known: its page explains that. Other paths are not gated.
 */
export async function isKnownPublicPath(db: Executor, pathname: string): Promise<boolean> {
  const badge = BADGE.exec(pathname)?.[1];
  if (badge !== undefined) {
    if (!UUID.test(badge)) return false;
    return remembered(badgeKey(badge), async () => (await findPublicAward(db, badge)) !== null);
  }
  const occupation = OCCUPATION.exec(pathname)?.[1];
  const skill = SKILL.exec(pathname)?.[1];
  const segment = occupation ?? skill;
  if (segment === undefined) return true;
  const value = decode(segment)?.trim();
  if (!value || value.length > MAX_SEGMENT) return false;
  return remembered(`${occupation ? 'occupation' : 'skill'}:${value}`, async () => {
    const release = await getActiveRelease(db);
    if (!release) return true;
    const lookup = occupation
      ? await resolveOccupationCode(db, { releaseId: release.id, code: value })
      : await resolveSkillSlug(db, { releaseId: release.id, slug: value });
    return lookup.status !== 'not_found';
  });
}

async function remembered(key: string, isKnown: () => Promise<boolean>): Promise<boolean> {
  if (isRememberedKnown(key)) return true;
  const known = await isKnown();
  if (known) rememberKnown(key);
  return known;
}
