/** The value types OB 2.0 documents use, as plain predicates. */

export const isText = (value: unknown): value is string => typeof value === 'string';

export function isHttpUrl(value: unknown): value is string {
  const url = isText(value) ? URL.parse(value) : null;
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
}

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** OB 2.0 IRIs in practice: web addresses, `urn:uuid:` and blank node ids. */
export function isIri(value: unknown): value is string {
  return isHttpUrl(value) || (isText(value) && (value.startsWith('_:') || UUID_URN.test(value)));
}

export const isDataUri = (value: unknown): boolean => isText(value) && /^data:/i.test(value);
