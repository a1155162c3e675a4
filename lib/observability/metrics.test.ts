import { describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { freePort } from '@/test/ports';
import {
  recordEmailDelivery,
  recordHttpRequest,
  recordJobOutcome,
  recordWebhookDelivery,
  registerQueueStats,
  renderMetrics,
} from './metrics';
import { isMetricsTokenValid, metricsResponse } from './metrics-endpoint';
import { serveMetrics } from './metrics-server';

const TOKEN = 'metrics-token-0123456789abcdef';

async function scrape(): Promise<string> {
  const response = await metricsResponse(`Bearer ${TOKEN}`, TOKEN);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one series in the exposition text, or undefined when it is absent. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics authorization', () => {
  it('does not exist while METRICS_TOKEN is unset', async () => {
    const response = await metricsResponse(`Bearer ${TOKEN}`, undefined);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('laurel_');
  });

  it.each([
    ['no header', null],
    ['another scheme', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`],
    ['a wrong token', 'Bearer metrics-token-0123456789abcdeX'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token and more', `Bearer ${TOKEN}x`],
    ['an empty token', 'Bearer '],
  ])('answers 401 to %s', async (_, authorization) => {
    const response = await metricsResponse(authorization, TOKEN);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.text()).not.toContain('laurel_');
  });

  it('accepts the token whatever the scheme case and spacing', () => {
    expect(isMetricsTokenValid(`bearer  ${TOKEN}`, TOKEN)).toBe(true);
    expect(isMetricsTokenValid(`Bearer ${TOKEN} `, TOKEN)).toBe(true);
  });

  it('answers Prometheus text, uncached, with the right token', async () => {
    const response = await metricsResponse(`Bearer ${TOKEN}`, TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    for (const name of [
      'laurel_http_requests_total',
      'laurel_http_request_duration_seconds',
      'laurel_job_outcomes_total',
      'laurel_email_deliveries_total',
      'laurel_webhook_deliveries_total',
      'laurel_queue_depth',
      'laurel_queue_oldest_age_seconds',
      'laurel_queue_dead',
      'process_cpu_seconds_total',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
  });
});

describe('what the metrics count', () => {
  it('counts requests by method, route pattern and status, with their time', async () => {
    recordHttpRequest({ method: 'GET', route: '/badges/[awardId]', status: 200, seconds: 0.02 });
    recordHttpRequest({ method: 'GET', route: '/badges/[awardId]', status: 200, seconds: 0.2 });
    recordHttpRequest({ method: 'BREW', route: '(unmatched)', status: 404, seconds: 0.001 });
    const text = await scrape();
    expect(
      seriesValue(text, 'laurel_http_requests_total{method="GET",route="/badges/[awardId]",status="200"}'),
    ).toBe(2);
    expect(
      seriesValue(text, 'laurel_http_requests_total{method="other",route="(unmatched)",status="404"}'),
    ).toBe(1);
    expect(
      seriesValue(text, 'laurel_http_request_duration_seconds_bucket{le="0.025",route="/badges/[awardId]"}'),
    ).toBe(1);
    expect(seriesValue(text, 'laurel_http_request_duration_seconds_count{route="/badges/[awardId]"}')).toBe(
      2,
    );
  });

  it('counts job, email and webhook outcomes', async () => {
    recordJobOutcome('email', 'completed');
    recordJobOutcome('email', 'completed');
    recordJobOutcome('bulk', 'failed');
    recordEmailDelivery('sent');
    recordWebhookDelivery('retry');
    const text = await scrape();
    expect(seriesValue(text, 'laurel_job_outcomes_total{kind="email",outcome="completed"}')).toBe(2);
    expect(seriesValue(text, 'laurel_job_outcomes_total{kind="bulk",outcome="failed"}')).toBe(1);
    expect(seriesValue(text, 'laurel_email_deliveries_total{result="sent"}')).toBe(1);
    expect(seriesValue(text, 'laurel_webhook_deliveries_total{result="retry"}')).toBe(1);
  });

  it('keeps label values bounded: odd values and every new one past 50 become "other"', async () => {
    recordEmailDelivery('not a label!');
    for (let i = 0; i < 60; i++) recordWebhookDelivery(`result_${i}`);
    const text = await scrape();
    expect(seriesValue(text, 'laurel_email_deliveries_total{result="other"}')).toBe(1);
    const series = text.split('\n').filter((l) => l.startsWith('laurel_webhook_deliveries_total{'));
    // "retry" from the test above, 49 more, then "other" for the remaining 11.
    expect(series).toHaveLength(51);
    expect(seriesValue(text, 'laurel_webhook_deliveries_total{result="other"}')).toBe(11);
  });

  it('reads queue numbers from the registered function at scrape time', async () => {
    let depth = 3;
    const unregister = registerQueueStats(async () => [
      { kind: 'email', depth, oldestAgeSeconds: 12.5, dead: 1 },
      { kind: 'webhook', depth: 0, oldestAgeSeconds: 0, dead: 0 },
    ]);
    let text = await scrape();
    expect(seriesValue(text, 'laurel_queue_depth{kind="email"}')).toBe(3);
    expect(seriesValue(text, 'laurel_queue_oldest_age_seconds{kind="email"}')).toBe(12.5);
    expect(seriesValue(text, 'laurel_queue_dead{kind="email"}')).toBe(1);
    expect(seriesValue(text, 'laurel_queue_depth{kind="webhook"}')).toBe(0);
    depth = 7;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    text = await scrape();
    expect(seriesValue(text, 'laurel_queue_depth{kind="email"}')).toBe(7);
    unregister();
    text = await scrape();
    expect(seriesValue(text, 'laurel_queue_depth{kind="email"}')).toBeUndefined();
  });

  it('still answers when a queue-stats function fails or hangs, without its numbers', async () => {
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
    const removeBroken = registerQueueStats(async () => {
      throw new Error('database down');
    });
    const removeHung = registerQueueStats(() => new Promise(() => {}));
    const removeGood = registerQueueStats(async () => [
      { kind: 'bulk', depth: 2, oldestAgeSeconds: 1, dead: 0 },
    ]);
    const started = Date.now();
    const { body } = await renderMetrics();
    expect(Date.now() - started).toBeLessThan(3_500);
    expect(seriesValue(body, 'laurel_queue_depth{kind="bulk"}')).toBe(2);
    // The operator hears about both.
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    removeBroken();
    removeHung();
    removeGood();
  });
});

describe('serveMetrics, for a process without Next', () => {
  it('answers /metrics with the same rule, and nothing else', async () => {
    const port = await freePort();
    const server = serveMetrics({ port, host: '127.0.0.1', token: TOKEN });
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const ok = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('# TYPE laurel_job_outcomes_total counter');
      expect((await fetch(`${base}/other`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(
        404,
      );
    } finally {
      server.close();
    }
  });
});
