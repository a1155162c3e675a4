/**
 * An uploaded file's name as kept: without control characters (a client may send any; PostgreSQL's
 * text refuses a NUL) and at most `maxLength` characters. Empty when nothing is left.
 */
export function uploadedFileName(name: string, maxLength: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, maxLength);
}
