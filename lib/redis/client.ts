import { createClient, type RedisClientType } from 'redis';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';

/**
 * One Redis connection per process, or none when REDIS_URL is unset (the embedded, one-process
 * set-up). Commands fail at once while Redis is down (no offline queue): callers fall back to the
 * database rather than wait, and the client keeps reconnecting in the background.
 */
type Holder = { client?: Promise<RedisClientType | null> };
const holder = globalThis as unknown as { laurelRedis?: Holder };

const CONNECT_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

async function connect(url: string): Promise<RedisClientType> {
  const client: RedisClientType = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  });
  // Without a listener an 'error' event would crash the process; reconnecting is the client's job.
  let lastLogged = 0;
  client.on('error', (error: Error) => {
    if (Date.now() - lastLogged < 30_000) return;
    lastLogged = Date.now();
    log.warn({ err: error }, 'redis: connection problem');
  });
  // connect() settles only once Redis answers; while it is down the client goes on trying in the
  // background, and commands fail at once meanwhile. So wait for it no longer than a connect.
  const connecting = client.connect().catch(() => {});
  await Promise.race([connecting, new Promise((r) => setTimeout(r, CONNECT_TIMEOUT_MS).unref())]);
  return client;
}

/** The shared client, or null when REDIS_URL is unset. */
export function getRedis(): Promise<RedisClientType | null> {
  holder.laurelRedis ??= {};
  const h = holder.laurelRedis;
  if (!h.client) {
    const url = getConfig().redisUrl;
    h.client = url ? connect(url) : Promise.resolve(null);
  }
  return h.client;
}

export type RedisReadiness =
  | { isConfigured: false }
  | { isConfigured: true; isReachable: boolean; detail: string };

/** For /api/ready: whether Redis answers a PING within a second. */
export async function redisReadiness(): Promise<RedisReadiness> {
  const client = await getRedis();
  if (!client) return { isConfigured: false };
  try {
    const answer = await Promise.race([
      client.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 1 s')), 1_000)),
    ]);
    return { isConfigured: true, isReachable: answer === 'PONG', detail: 'reachable' };
  } catch (error) {
    return {
      isConfigured: true,
      isReachable: false,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Drops the connection (graceful shutdown, once requests have finished; tests). Not node-redis's
 * close(): it waits for replies to commands already sent, which never come while Redis is down.
 */
export async function closeRedis(): Promise<void> {
  const pending = holder.laurelRedis?.client;
  if (holder.laurelRedis) holder.laurelRedis.client = undefined;
  const client = await pending;
  if (client?.isOpen) client.destroy();
}
