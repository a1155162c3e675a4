import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Turns a request path into the route that serves it (`/badges/[awardId]`), so metrics and logs
 * never carry ids, tokens or whatever a client typed: the set of answers is the set of routes in
 * the build's routes-manifest.json, plus a few fixed names. That keeps metric cardinality bounded
 * and claim or reset tokens out of every label.
 */
export type RouteManifest = {
  staticRoutes?: { page: string; regex: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
};

export const UNMATCHED = '(unmatched)';
export const PUBLIC_FILE = '(public file)';
export const NEXT_STATIC = '/_next/static';
export const NEXT_INTERNAL = '/_next';
const MAX_PATH = 2048;

export type RoutePatterns = (pathname: string) => string;

export function createRoutePatterns({
  manifest,
  publicFiles = [],
}: {
  manifest: RouteManifest;
  publicFiles?: readonly string[];
}): RoutePatterns {
  const exact = new Map<string, string>();
  for (const route of manifest.staticRoutes ?? []) {
    exact.set(route.page, route.page);
    if (route.page !== '/') exact.set(`${route.page}/`, route.page);
  }
  const files = new Set(publicFiles);
  const dynamic = (manifest.dynamicRoutes ?? []).map((route) => ({
    page: route.page,
    regex: new RegExp(route.regex),
  }));
  return (pathname) => {
    if (pathname.length > MAX_PATH) return UNMATCHED;
    if (pathname.startsWith('/_next/static/')) return NEXT_STATIC;
    if (pathname.startsWith('/_next/')) return NEXT_INTERNAL;
    const found = exact.get(pathname);
    if (found) return found;
    if (files.has(pathname)) return PUBLIC_FILE;
    for (const route of dynamic) if (route.regex.test(pathname)) return route.page;
    return UNMATCHED;
  };
}

/** The path part of a request target (`/a/b?c` → `/a/b`); anything odd counts as unmatched. */
export function pathnameOf(url: string | undefined): string {
  if (!url?.startsWith('/')) return '';
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function listFiles(dir: string, prefix = '', out: string[] = [], limit = 10_000): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (out.length >= limit) break;
    const url = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) listFiles(path.join(dir, entry.name), url, out, limit);
    else out.push(url);
  }
  return out;
}

/**
 * The patterns of the build in `distDir` (NEXT_DIST_DIR, as next.config.ts reads it) and the files
 * in public/. Without a manifest (`next dev` before a build) every path is unmatched.
 */
export function loadRoutePatterns(root = process.cwd()): RoutePatterns {
  const distDir = path.resolve(root, process.env.NEXT_DIST_DIR || '.next');
  let manifest: RouteManifest = {};
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8')) as RouteManifest;
  } catch {
    // No build here: unmatched for every path, which is still bounded.
  }
  return createRoutePatterns({ manifest, publicFiles: listFiles(path.join(root, 'public')) });
}
