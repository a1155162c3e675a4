import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress, normalizeHost, unbracket } from './address-policy';
import { FetchError, unreachableError } from './types';

/** A URL that passed every check, with the address the connection must go to. */
export type VettedTarget = { url: URL; hostname: string; address: string; family: 4 | 6 };

/** A FetchError naming the URL, in the one shape every refusal uses. */
export function fetchFailure(
  url: string,
  reason: string,
  options: { unreachable?: boolean } = {},
): FetchError {
  return new FetchError(`${url} could not be fetched: ${reason}`, options);
}

function parseHttpUrl(raw: string, label: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`${label} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`${label} is not an http(s) URL`);
  }
  if (url.username || url.password) {
    throw fetchFailure(label, 'addresses with a user name or password are not allowed');
  }
  return url;
}

async function resolveHost(label: string, hostname: string): Promise<{ address: string; family: 4 | 6 }[]> {
  const literal = isIP(hostname);
  if (literal === 4 || literal === 6) return [{ address: hostname, family: literal }];
  try {
    const found = await lookup(hostname, { all: true });
    const usable = found.filter((entry) => entry.family === 4 || entry.family === 6);
    if (usable.length > 0) return usable as { address: string; family: 4 | 6 }[];
  } catch {
    // Reported below with the same message as an empty answer.
  }
  throw unreachableError(`${label} could not be reached (DNS lookup failed)`);
}

/**
 * Checks a URL against the outbound rules and resolves it to the address to connect to.
 * WHATWG URL parsing has already rewritten decimal/hex/octal IPv4 forms (http://2130706433/,
 * http://0x7f.1/) to dotted quads, so literal IPs get the same address check as resolved names.
 * Every resolved address must be public (unless the host is allowed), so a name that answers
 * with one public and one private address is refused rather than gambled on. `label` names the
 * URL in errors (a redirect target says where it came from). `allowOrigins` are exact origins
 * (scheme, host and port) exempt from the address check; the same host on another port is not.
 */
export async function resolveTarget(
  raw: string,
  allowHosts: ReadonlySet<string>,
  label = raw,
  allowOrigins: ReadonlySet<string> = new Set(),
): Promise<VettedTarget> {
  const url = parseHttpUrl(raw, label);
  const hostname = unbracket(url.hostname);
  const addresses = await resolveHost(label, hostname);
  const isAllowed = allowHosts.has(normalizeHost(hostname)) || allowOrigins.has(url.origin);
  if (!isAllowed) {
    const blocked = addresses.find((entry) => !isPublicAddress(entry.address));
    if (blocked) {
      throw fetchFailure(label, `the address ${blocked.address} is a private or local network address`);
    }
  }
  const [first] = addresses as [{ address: string; family: 4 | 6 }];
  return { url, hostname, address: first.address, family: first.family };
}
