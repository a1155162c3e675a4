/** The same bounds as /verify: a badge image is far smaller, and no badge JSON needs a megabyte. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_TEXT_BYTES = 1024 * 1024;
export const MAX_URL_LENGTH = 4096;
/** Files chosen at once; each is then sent on its own request. */
export const MAX_FILES_PER_DROP = 20;
/** How long a stored verification is shown before the badge is checked again on view. */
export const REVERIFY_AFTER_MS = 10 * 60 * 1000;
/** Badges kept as unverified are tried again at most this many times by the hourly upkeep. */
export const MAX_RETRIES = 48;
