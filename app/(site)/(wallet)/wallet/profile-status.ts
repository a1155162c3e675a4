import type { Settings } from '@/lib/profile/settings';

/** Where the learner's public profile stands: live at /u/<handle>, hidden, or not set up (no handle). */
export type ProfileStatus = { kind: 'live'; handle: string } | { kind: 'hidden' } | { kind: 'none' };

export function profileStatus(
  settings: Pick<Settings, 'handle' | 'isProfilePublic' | 'optedOutAt'>,
): ProfileStatus {
  if (!settings.handle) return { kind: 'none' };
  if (!settings.isProfilePublic || settings.optedOutAt) return { kind: 'hidden' };
  return { kind: 'live', handle: settings.handle };
}
