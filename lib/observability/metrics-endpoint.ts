import { createHash, timingSafeEqual } from 'node:crypto';
import { problem } from '@/lib/api/problem';
import { renderMetrics } from './metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether `authorization` is `Bearer <token>`. Both sides are hashed first, so the comparison
 * takes the same time whatever the length or the first wrong character.
 */
export function isMetricsTokenValid(authorization: string | null, token: string): boolean {
  const match = /^Bearer[ \t]+(\S{1,512})[ \t]*$/i.exec(authorization ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * GET /metrics: 404 while METRICS_TOKEN is unset (the endpoint does not exist), 401 for a missing
 * or wrong bearer token, else the Prometheus text of this process. Never cached.
 */
export async function metricsResponse(
  authorization: string | null,
  token: string | undefined,
): Promise<Response> {
  if (!token) return problem({ status: 404, detail: 'There is nothing at this address.' });
  if (!isMetricsTokenValid(authorization, token)) {
    return problem({
      status: 401,
      detail: 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".',
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
