/**
 * Identifies the client for rate limiting: the first X-Forwarded-For hop set by the proxy in
 * front of the app, or a shared bucket when there is none (a direct local connection).
 */
export function clientKeyFrom(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'direct';
}
