/**
 * A cookie that says only "someone signed in on this browser": no secret, and readable by
 * scripts, so the cached public pages (which never read the session) can show the signed-in
 * header once they have loaded. The session itself stays in Auth.js's HttpOnly cookie, and
 * /api/account confirms the hint before the header believes it. Safe in the browser bundle.
 */
export const SIGNED_IN_HINT = 'laurel-signed-in';

/** As long as the session it hints at (auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
