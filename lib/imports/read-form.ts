import { MAX_FILE_BYTES, MAX_TEXT_BYTES, MAX_URL_LENGTH } from './limits';
import type { ImportSource } from './source';

/** The one item a form carries (a file, or text that is a web address, JSON or a JWT), or what is wrong. */
export async function readImportSource(formData: FormData): Promise<ImportSource | string> {
  const file = formData.get('file');
  const text = String(formData.get('text') ?? '').trim();
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_FILE_BYTES) {
      return 'That file is larger than 5 MB. Badge files are much smaller; check you chose the right one.';
    }
    return { kind: 'file', bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
  }
  if (text === '') return 'Choose a badge file, or paste a badge web address, its JSON or its JWT.';
  if (/^https?:\/\/\S+$/i.test(text)) {
    if (text.length > MAX_URL_LENGTH) return 'That web address is too long to be a badge URL.';
    return { kind: 'url', url: text };
  }
  if (Buffer.byteLength(text) > MAX_TEXT_BYTES) return 'That text is larger than 1 MB, which no badge needs.';
  return { kind: 'text', text };
}
