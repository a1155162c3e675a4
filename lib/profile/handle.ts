import { z } from 'zod';

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;

/**
 * Handles that would look official, collide with a route, or be mistaken for the service.
 * Profiles live under /u/, so routes cannot clash today; reserving them keeps the option of
 * shorter addresses later and stops impersonation. Lines: routes and route-like words; the
 * service and its people; values that read as missing.
 */
export const RESERVED_HANDLES: ReadonlySet<string> = new Set(
  `
  about account accounts admin api app assets auth award awards badge badges claim claims contact dev
  docs download downloads edit favicon forgot-password help home images issuer issuers login logout
  mailbox me new ob openbadges privacy profile profiles public register reset-password robots search
  settings sign-in sign-out sign-up signin signout signup sitemap static status terms u user users
  verify verify-email wallet www
  laurel laurelhq laurel-admin laurel-support laurel-team abuse hostmaster info mail email moderator
  no-reply noreply official owner postmaster root security staff support system team webmaster
  anonymous nobody null undefined
  `
    .trim()
    .split(/\s+/),
);

/** What is wrong with an already lower-cased handle, in words a learner can act on; null if nothing. */
export function handleProblem(handle: string): string | null {
  if (handle.length < HANDLE_MIN) return `Use at least ${HANDLE_MIN} characters.`;
  if (handle.length > HANDLE_MAX) return `Use at most ${HANDLE_MAX} characters.`;
  if (!/^[a-z]/.test(handle)) return 'Start your handle with a letter.';
  if (!/^[a-z0-9_-]+$/.test(handle)) return 'Use only letters, digits, hyphens (-) and underscores (_).';
  if (RESERVED_HANDLES.has(handle)) return `“${handle}” is reserved. Please choose another handle.`;
  return null;
}

/** A profile handle, trimmed and stored lower-cased: "Ada-L" and "ada-l" are the same handle. */
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((value, ctx) => {
    const problem = handleProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** True when `value` could be a handle at all: lets lookups skip the database for junk. */
export function isHandleShaped(value: string): boolean {
  return handleSchema.safeParse(value).success;
}
