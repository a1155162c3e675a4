# syntax=docker/dockerfile:1
# Laurel for scaled-out deployments: `web` (Next's standalone server, any number of instances) and
# `worker` (background jobs, any number). Both need PostgreSQL and Redis; see compose.yaml and the
# README's "Deploying" section for the environment each process takes.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# patches/: fixes to dependencies that npm ci applies (postinstall: patch-package).
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# REDIS_URL at run time puts the page cache in Redis (lib/redis/cache-handler.mjs).
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build

# Web instances: the standalone server (traced node_modules only, no source, no dev tools).
FROM node:20-bookworm-slim AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 WORKERS=off
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# Read at run time by path: migrations (applied at start under a lock) and the cache handler.
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
COPY --from=build --chown=node:node /app/lib/redis/*.mjs ./lib/redis/
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]

# Workers: `npm run worker` from the full build (it runs TypeScript through tsx).
FROM build AS worker
ENV NODE_ENV=production
USER node
CMD ["node_modules/.bin/tsx", "--tsconfig", "tsconfig.scripts.json", "scripts/worker.ts"]
