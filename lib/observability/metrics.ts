import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { log } from '@/lib/log';

/**
 * Prometheus metrics of this process, served at GET /metrics (app/metrics/route.ts) to a scraper
 * holding METRICS_TOKEN, or by `serveMetrics` (./metrics-server.ts) in a process without Next.
 *
 * What feeds them:
 * - HTTP: the http.Server hook (./http-hook.ts) calls `recordHttpRequest` once per answered
 *   request, with the route pattern (./route-pattern.ts), never the raw path.
 * - Background work calls these where the outcome is decided:
 *     recordJobOutcome(kind, outcome)        e.g. ('email', 'completed'), ('bulk', 'failed')
 *     recordEmailDelivery(result)            e.g. 'sent', 'retry', 'failed', 'dropped'
 *     recordWebhookDelivery(result)          e.g. 'delivered', 'retry', 'failed'
 *     registerQueueStats(async () => [{ kind, depth, oldestAgeSeconds, dead }])
 *   The queue-stats function runs at scrape time (at most once a second, 2 s budget) and sets
 *   laurel_queue_depth, laurel_queue_oldest_age_seconds and laurel_queue_dead per kind.
 *
 * Label values from code are trusted but still bounded: anything that is not a short
 * [A-Za-z0-9_.:-] token becomes "other", and so does every new value past 50 per metric, so a
 * mistake cannot blow up the number of series. Everything lives on globalThis: instrumentation,
 * route handlers and the proxy are bundled apart and must all count into one registry.
 */
export type QueueStats = { kind: string; depth: number; oldestAgeSeconds: number; dead: number };
export type QueueStatsProvider = () => Promise<QueueStats[]>;

type Metrics = {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'route'>;
  jobOutcomes: Counter<'kind' | 'outcome'>;
  emailDeliveries: Counter<'result'>;
  webhookDeliveries: Counter<'result'>;
  queueProviders: Set<QueueStatsProvider>;
  seenLabels: Map<string, Set<string>>;
  queueSnapshot?: { at: number; stats: Promise<QueueStats[]> };
};

const MAX_LABEL_VALUES = 50;
const LABEL = /^[A-Za-z0-9_.:-]{1,64}$/;
const QUEUE_STATS_BUDGET_MS = 2_000;
const QUEUE_SNAPSHOT_MS = 1_000;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const holder = globalThis as unknown as { laurelMetrics?: Metrics };

function bounded(m: Metrics, metric: string, value: string): string {
  if (!LABEL.test(value)) return 'other';
  const seen = m.seenLabels.get(metric) ?? new Set<string>();
  m.seenLabels.set(metric, seen);
  if (seen.has(value)) return value;
  if (seen.size >= MAX_LABEL_VALUES) return 'other';
  seen.add(value);
  return value;
}

/** One provider at a time may hang or throw; the scrape still answers, without its numbers. */
async function queueStats(m: Metrics): Promise<QueueStats[]> {
  const now = Date.now();
  if (m.queueSnapshot && now - m.queueSnapshot.at < QUEUE_SNAPSHOT_MS) return m.queueSnapshot.stats;
  const stats = Promise.all(
    [...m.queueProviders].map(async (provider) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          provider(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('queue stats took too long')), QUEUE_STATS_BUDGET_MS);
          }),
        ]);
      } catch (error) {
        log.warn({ err: error }, 'queue stats unavailable for this scrape');
        return [];
      } finally {
        clearTimeout(timer);
      }
    }),
  ).then((lists) => lists.flat());
  m.queueSnapshot = { at: now, stats };
  return stats;
}

function queueGauge(m: Metrics, name: string, help: string, pick: (s: QueueStats) => number) {
  return new Gauge({
    name,
    help,
    labelNames: ['kind'],
    registers: [m.registry],
    async collect() {
      this.reset();
      for (const stats of await queueStats(m)) this.set({ kind: bounded(m, name, stats.kind) }, pick(stats));
    },
  });
}

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const m: Metrics = {
    registry,
    httpRequests: new Counter({
      name: 'laurel_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'laurel_http_request_duration_seconds',
      help: 'Time from request to the end of the answer, by route pattern.',
      labelNames: ['route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobOutcomes: new Counter({
      name: 'laurel_job_outcomes_total',
      help: 'Background jobs finished, by kind and outcome.',
      labelNames: ['kind', 'outcome'],
      registers,
    }),
    emailDeliveries: new Counter({
      name: 'laurel_email_deliveries_total',
      help: 'Email delivery attempts, by result.',
      labelNames: ['result'],
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'laurel_webhook_deliveries_total',
      help: 'Webhook delivery attempts, by result.',
      labelNames: ['result'],
      registers,
    }),
    queueProviders: new Set(),
    seenLabels: new Map(),
  };
  queueGauge(m, 'laurel_queue_depth', 'Jobs waiting or running, by kind.', (s) => s.depth);
  queueGauge(
    m,
    'laurel_queue_oldest_age_seconds',
    'Age of the oldest waiting job, by kind.',
    (s) => s.oldestAgeSeconds,
  );
  queueGauge(m, 'laurel_queue_dead', 'Jobs that gave up and wait for a person, by kind.', (s) => s.dead);
  return m;
}

function metrics(): Metrics {
  holder.laurelMetrics ??= create();
  return holder.laurelMetrics;
}

export function recordHttpRequest({
  method,
  route,
  status,
  seconds,
}: {
  method: string | undefined;
  route: string;
  status: number;
  seconds: number;
}) {
  const m = metrics();
  const verb = method && METHODS.has(method) ? method : 'other';
  m.httpRequests.inc({ method: verb, route, status: String(status) });
  m.httpDuration.observe({ route }, seconds);
}

export function recordJobOutcome(kind: string, outcome: string) {
  const m = metrics();
  m.jobOutcomes.inc({ kind: bounded(m, 'job.kind', kind), outcome: bounded(m, 'job.outcome', outcome) });
}

export function recordEmailDelivery(result: string) {
  const m = metrics();
  m.emailDeliveries.inc({ result: bounded(m, 'email.result', result) });
}

export function recordWebhookDelivery(result: string) {
  const m = metrics();
  m.webhookDeliveries.inc({ result: bounded(m, 'webhook.result', result) });
}

/** Adds a source of queue numbers, read at each scrape; the returned function removes it. */
export function registerQueueStats(provider: QueueStatsProvider): () => void {
  const m = metrics();
  m.queueProviders.add(provider);
  m.queueSnapshot = undefined;
  return () => {
    m.queueProviders.delete(provider);
    m.queueSnapshot = undefined;
  };
}

/** The exposition text and its Content-Type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
