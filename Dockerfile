# syntax=docker/dockerfile:1
#
# RevenuePilot companion server (docs/deploy.md). Three stages:
#   build    installs every dependency and builds the plugin with Vite (dist/plugin)
#   deps     installs the runtime dependencies only (tsx runs the TypeScript server as it is)
#   runtime  Node 20 slim, pg_dump/pg_restore for `db:backup`, the app owned by root and run as
#            uid 1000, so the root filesystem can be mounted read-only
#
#   docker build -t revenuepilot .
#   docker run --read-only --tmpfs /tmp -p 8080:8080 \
#     -e PUBLIC_URL=https://revenuepilot.example-health.org \
#     -e DATABASE_URL_FILE=/run/secrets/database_url ... revenuepilot
#
# Nothing secret is baked in: every secret arrives at run time as <KEY> or <KEY>_FILE.
# Writes at run time: /tmp (tsx's compile cache; mount a tmpfs or emptyDir) and, only when used,
# /data (embedded PGlite, backups, drafting recordings; mount a volume there).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: the plugin ---------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY launch ./launch
COPY server/contract ./server/contract
COPY plugin ./plugin
RUN npm run build:plugin

# ---- deps: runtime node_modules --------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# pg_dump must be at least as new as the PostgreSQL server it dumps (server/db/backup checks):
# PostgreSQL's own Debian repository carries every major version. Override with
# --build-arg PG_CLIENT_MAJOR=16 to match an older server exactly, if you prefer.
ARG PG_CLIENT_MAJOR=18
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates postgresql-common \
  && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
  && apt-get install -y --no-install-recommends "postgresql-client-${PG_CLIENT_MAJOR}" \
  && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    PATH=/usr/lib/postgresql/${PG_CLIENT_MAJOR}/bin:$PATH \
    NPM_CONFIG_CACHE=/tmp/.npm \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    HOST=0.0.0.0 \
    PORT=8080 \
    PLUGIN_DIST_DIR=/app/dist/plugin \
    PGLITE_DATA_DIR=/data/pglite \
    BACKUP_DIR=/data/backups \
    DRAFT_RECORDINGS_DIR=/data/recordings

WORKDIR /app
# Root owns the code (the server cannot change it); uid 1000 (the image's `node` user) owns /data.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json tsconfig.base.json ./
COPY launch ./launch
COPY adapters ./adapters
COPY server ./server
COPY --from=build /src/dist/plugin ./dist/plugin
RUN mkdir -p /data && chown 1000:1000 /data && chmod 0700 /data

USER 1000:1000
EXPOSE 8080
STOPSIGNAL SIGTERM
# Liveness only (the process answers); /readyz, which also needs the database, is for load balancers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "server/main.ts"]
