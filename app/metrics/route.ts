import { connection } from 'next/server';
import { getConfig } from '@/lib/config';
import { metricsResponse } from '@/lib/observability/metrics-endpoint';

/** Prometheus metrics of this process, for a scraper holding METRICS_TOKEN (see lib/observability/metrics.ts). */
export async function GET(request: Request) {
  await connection();
  return metricsResponse(request.headers.get('authorization'), getConfig().metricsToken);
}
