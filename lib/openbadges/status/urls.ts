/** Where an issuer's status list credential is served; the path is stable for the list's life. */
export function statusListUrl(appUrl: string, issuerSlug: string, listId: string): string {
  return `${appUrl}/ob/v3/status/${encodeURIComponent(issuerSlug)}/${listId}`;
}

/** A `credentialStatus` entry of the W3C Bitstring Status List, purpose revocation. */
export type BitstringStatusListEntry = {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  statusListIndex: string;
  statusListCredential: string;
};

export function statusEntry(listUrl: string, index: number): BitstringStatusListEntry {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}
