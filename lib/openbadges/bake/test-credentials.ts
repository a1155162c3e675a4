/** Open Badges 3.0 credentials for tests, and readers and writers for them that share no code with ours. */
import { DOMParser } from '@xmldom/xmldom';
import { decodeSync, encodeSync } from 'png-chunk-itxt';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';

const OB3_NS = 'https://purl.imsglobal.org/ob/v3p0';

/** A credential whose strings hold what would break naive CDATA or regex handling. */
export const credential = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:5b0d6d5e-7c1b-4c55-9a0e-3c2f6b1f9a10',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: {
    id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    type: ['Profile'],
    name: 'Zoë & Co',
  },
  validFrom: '2024-05-01T12:00:00Z',
  name: 'Robotics <Level 1>',
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://laurel.test/achievements/robotics',
      type: ['Achievement'],
      name: 'Robotics',
      criteria: { narrative: 'Wrote "]]>" and </openbadges:credential> in the notes ✓' },
    },
  },
  proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3FXQjecWufY46' }],
};
export const credentialJson = JSON.stringify(credential);

/** Shaped like a VC-JWT (header.payload.signature); the signature is not checked here. */
export const jwt = [
  Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' })).toString('base64url'),
  Buffer.from(credentialJson).toString('base64url'),
  Buffer.from('not really a signature').toString('base64url'),
].join('.');

/** Every iTXt chunk, decoded by png-chunks-extract (which checks CRCs) and png-chunk-itxt. */
export function independentItxtChunks(png: Uint8Array) {
  return extractChunks(png)
    .filter((chunk) => chunk.name === 'iTXt')
    .map((chunk) => decodeSync(chunk.data));
}

/** Bakes the way another tool would: png-chunk-itxt's encoder, png-chunks-encode's writer. */
export function independentBakePng(png: Uint8Array, text: string): Uint8Array {
  const chunks = extractChunks(png);
  const data = encodeSync({
    keyword: 'openbadgecredential',
    compressionFlag: false,
    compressionMethod: 0,
    languageTag: '',
    translatedKeyword: '',
    text,
  });
  // Before IEND, where a tool that appends metadata puts it.
  chunks.splice(chunks.length - 1, 0, { name: 'iTXt', data });
  return encodeChunks(chunks);
}

/** The 3.0 credential elements as @xmldom/xmldom's namespace-aware DOM sees them. */
export function independentSvgCredentials(svg: string) {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const elements = Array.from(doc.getElementsByTagNameNS(OB3_NS, 'credential'));
  const firstChild = Array.from(root?.childNodes ?? []).find((node) => node.nodeType === 1);
  return {
    isFirstChild: elements.length > 0 && firstChild === elements[0],
    prefixNamespace: root?.getAttribute('xmlns:openbadges'),
    elements: elements.map((element) => ({
      text: element.textContent ?? '',
      verify: element.getAttribute('verify'),
    })),
  };
}
