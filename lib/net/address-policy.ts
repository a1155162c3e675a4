import ipaddr from 'ipaddr.js';

// IPv6 forms that carry an IPv4 address the network may deliver to: judge the embedded address.
// rfc6052 is deliberately absent: only its well-known /96 prefix is unwrapped below, and the
// local-use 64:ff9b:1::/48 prefix stays refused like every other special range.
const EMBEDDING_IPV4 = new Set(['ipv4Mapped', 'rfc6145', '6to4']);
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
// Deprecated IPv4-compatible addresses (::a.b.c.d) that ipaddr.js counts as unicast.
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** The IPv4 address carried inside an IPv6 address, when its range is one that embeds one. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const bytes = address.toByteArray();
  const range = address.range();
  if (range === '6to4') return ipaddr.fromByteArray(bytes.slice(2, 6)) as ipaddr.IPv4;
  if (EMBEDDING_IPV4.has(range) || address.match(NAT64_WELL_KNOWN)) {
    return ipaddr.fromByteArray(bytes.slice(12, 16)) as ipaddr.IPv4;
  }
  return undefined;
}

/**
 * Whether an address is on the public internet. Everything but ipaddr.js's `unicast` range is
 * refused (loopback, private, link-local incl. 169.254.169.254, CGNAT, multicast, broadcast,
 * reserved, unique-local, …), and IPv6 forms wrapping an IPv4 address are judged by that address.
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') return address.range() === 'unicast';
  const v6 = address as ipaddr.IPv6;
  const inner = embeddedIpv4(v6);
  if (inner) return inner.range() === 'unicast';
  if (v6.match(IPV4_COMPATIBLE)) return false;
  return v6.range() === 'unicast';
}

/** `[::1]` → `::1`; any other host unchanged. */
export function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** A host name, or an IP address in its canonical text form, for exact comparison. */
export function normalizeHost(host: string): string {
  const bare = unbracket(host.trim().toLowerCase());
  return ipaddr.isValid(bare) ? ipaddr.parse(bare).toString() : bare;
}
