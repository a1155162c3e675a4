import { getConfig } from '@/lib/config';

/**
 * The header that carries the TCP peer address into route handlers and server actions. Next does
 * not expose the socket there, and it fills `X-Forwarded-For` from the socket only when the client
 * sent none (`??=` in its base server), so a client-chosen value would survive. Our request hook
 * (installSocketAddressHeader) always overwrites this header, so a client cannot set it.
 */
export const SOCKET_ADDRESS_HEADER = 'x-laurel-socket-address';

/**
 * Identifies the client for rate limiting. The address chain is X-Forwarded-For followed by the
 * socket address; each of `trustedProxyHops` proxies appended the address it saw, so the client
 * is the entry that many places from the right. With 0 hops that is the socket itself and
 * whatever the client wrote into X-Forwarded-For is ignored.
 */
export function clientKeyFrom(headers: Headers, trustedProxyHops = getConfig().trustedProxyHops): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const socket = headers.get(SOCKET_ADDRESS_HEADER)?.trim();
  const chain = socket ? [...forwarded, socket] : forwarded;
  // A shorter chain than the configured hops means the request skipped a proxy: take the
  // farthest address we have rather than trusting nothing.
  const index = Math.max(0, chain.length - 1 - trustedProxyHops);
  return chain[index] ?? 'unknown';
}
