/**
 * A scaled-out Laurel on this machine, for specs that need more than one process: a fresh
 * PostgreSQL database on 127.0.0.1:5432 (even when the e2e run itself is on PGlite), a
 * redis-server of its own, and several `next start` instances of the build Playwright's servers
 * use (NEXT_DIST_DIR), all with the same database, Redis, secrets and APP_URL, as behind one
 * load balancer. Ports come from E2E_PORT_BASE and the spec's slot (see clusterPorts).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { type RedisServer, startRedisServer } from '../../test/redis-server';

const ADMIN_URL = process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
/**
 * Each cluster spec has a block of ten ports of its own (`slot` 0–3 → base+30, +40, +50, +60), so
 * specs running side by side never reach each other's instances: from the block's start the
 * instances, then (+5…+8) other processes a spec adds, and +9 for Redis.
 * Slots in use: scale-out 0, scale-worker 1, faults/postgres-restart 2, account-deletion 3;
 * e2e/standalone.spec.ts keeps base+80.
 */
export function clusterPorts(slot: number) {
  const first = base + 30 + 10 * slot;
  return { firstInstance: first, maxInstances: 5, otherProcesses: first + 5, redis: first + 9 };
}

export type AppInstance = {
  name: string;
  port: number;
  url: string;
  /** The last lines the process printed, for a failing test's message. */
  output: () => string;
  stop: () => Promise<void>;
};

export type Cluster = {
  /** The one public address (the first instance's), as behind a load balancer. */
  appUrl: string;
  databaseUrl: string;
  redis: RedisServer | null;
  instances: AppInstance[];
  /** The environment every process of the cluster shares. */
  env: NodeJS.ProcessEnv;
  /** Runs a tsx script (tsconfig.scripts.json) against the cluster's database; its last line, as JSON. */
  runScript: <T>(script: string, args?: string[]) => Promise<T>;
  /** Starts one more `next start` instance. */
  addInstance: () => Promise<AppInstance>;
  /** Stops every instance and Redis, and drops the database. */
  stop: () => Promise<void>;
};

/** The last `limit` characters a process printed. */
function captureOutput(child: ChildProcess, limit = 8_000) {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited while starting:\n${output()}`);
    try {
      if ((await fetch(`${url}/help`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within 90 s:\n${output()}`);
}

/** Spawns a process (a worker, say) with the cluster's environment and ports. */
export function spawnWithClusterEnv(cluster: Cluster, command: string, args: string[]) {
  const child = spawn(command, args, { env: cluster.env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, output: captureOutput(child), stop: () => stopProcess(child) };
}

export async function startCluster(options: {
  label: string;
  instances: number;
  withRedis?: boolean;
  /** A tsx script run once against the fresh database before any instance starts. */
  seed?: string;
  /** More environment for every process (a mail provider, WORKERS=off beside a worker). */
  env?: Record<string, string>;
  /** Another PostgreSQL server to make the database on (a private one a fault test restarts). */
  adminUrl?: string;
  /** Which block of ports (clusterPorts): one per spec file. */
  slot: number;
}): Promise<{ cluster: Cluster; seeded: unknown }> {
  const CLUSTER_PORTS = clusterPorts(options.slot);
  const adminUrl = options.adminUrl ?? ADMIN_URL;
  if (options.instances > CLUSTER_PORTS.maxInstances) throw new Error('too many instances');
  const name = `laurel_e2e_${options.label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const dataDir = path.resolve('.e2e', String(base), `cluster-${options.label}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const appUrl = `http://localhost:${CLUSTER_PORTS.firstInstance}`;
  const instances: AppInstance[] = [];
  let redis: RedisServer | null = null;

  // Whatever the Playwright run was given (its database, its fake mail provider) stays out.
  const inherited = { ...process.env };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'RESEND_API_KEY', 'RESEND_BASE_URL', 'PGLITE_PATH', 'PORT'])
    delete inherited[key];
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NEXT_TELEMETRY_DISABLED: '1',
    // Demo mode: mail captured in the database, nothing sent.
    LAUREL_MODE: 'demo',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    APP_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEYS: `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-e2e:${randomBytes(32).toString('base64url')}`,
    ...options.env,
  };

  const stop = async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await redis?.stop();
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  };

  const runScript = async <T>(script: string, args: string[] = []): Promise<T> => {
    const { stdout } = await promisify(execFile)(
      'node_modules/.bin/tsx',
      ['--tsconfig', 'tsconfig.scripts.json', script, ...args],
      { env, maxBuffer: 16 * 1024 * 1024 },
    );
    const last = stdout.trim().split('\n').at(-1) ?? '';
    return JSON.parse(last) as T;
  };

  const addInstance = async () => {
    const port = CLUSTER_PORTS.firstInstance + instances.length;
    const url = `http://localhost:${port}`;
    const child = spawn(
      'node_modules/.bin/next',
      ['start', '-p', String(port), '--keepAliveTimeout', '70000'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = captureOutput(child);
    const instance: AppInstance = {
      name: String.fromCharCode(65 + instances.length),
      port,
      url,
      output,
      stop: () => stopProcess(child),
    };
    instances.push(instance);
    await waitUntilServing(url, child, output);
    return instance;
  };

  try {
    if (options.withRedis ?? true) {
      redis = await startRedisServer(CLUSTER_PORTS.redis);
      env.REDIS_URL = redis.url;
    }
    const seeded = options.seed ? await runScript(options.seed) : undefined;
    const cluster: Cluster = { appUrl, databaseUrl, redis, instances, env, runScript, addInstance, stop };
    // One at a time: the first migrates (already done by a seed), the others find it done.
    for (let i = 0; i < options.instances; i++) await addInstance();
    return { cluster, seeded };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `npm run worker` beside the cluster's instances, resolved once it takes jobs. */
export async function startWorker(cluster: Cluster, env: Record<string, string> = {}) {
  const child = spawn('node_modules/.bin/tsx', ['--tsconfig', 'tsconfig.scripts.json', 'scripts/worker.ts'], {
    // At info at least: it says "worker taking …" when it is ready.
    env: { ...cluster.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const deadline = Date.now() + 90_000;
  while (!output().includes('worker taking')) {
    if (child.exitCode !== null) throw new Error(`the worker exited while starting:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start within 90 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output, stop: () => stopProcess(child) };
}
