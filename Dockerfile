# syntax=docker/dockerfile:1
# 党建品牌选树平台 — one image for the app instances and the job worker (docs/DEPLOY.md).
# Node 24 LTS (Node 20 reached end of life in April 2026). Everything is fetched while building; the running container
# downloads nothing: Prisma uses its JS engine over `pg` (prisma.config.ts), sharp and @node-rs/argon2 ship their
# native parts as npm packages, and the CJK fonts of the PDFs and share images come from npm
# (@expo-google-fonts/noto-sans-sc, noto-serif-sc, read from node_modules by lib/pdf/kit.ts), so no system font package
# is needed.
#
#   docker build -t dangjian .            # NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: see docs/DEPLOY.md 「构建」
#   docker compose up -d                  # compose.yaml: nginx, 2 app instances, worker, PostgreSQL, Redis, MinIO

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# postinstall runs `prisma generate`, which needs the schema and prisma.config.ts.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The server-action encryption key must be the same in every instance and stay the same across a rolling deploy:
# passed as a build secret (never an image layer), otherwise Next generates one per build.
RUN --mount=type=secret,id=server_actions_key,required=false \
    if [ -f /run/secrets/server_actions_key ]; then export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$(cat /run/secrets/server_actions_key)"; fi; \
    npm run build \
    && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    UPLOAD_DIR=/app/.data/uploads \
    SEED_DEMO=0 \
    LOG_FORMAT=json \
    SHUTDOWN_DRAIN_MS=5000 \
    NEXT_MANUAL_SIG_HANDLE=true \
    NODE_OPTIONS=--max-semi-space-size=32
# The image's own unprivileged user (uid 1000); the app writes nothing but .data (local uploads, when not on S3).
# The server: Next's standalone output (its own traced node_modules, the static files copied beside it by
# scripts/build.mjs). The migration job (`node scripts/db.mjs migrate`, compose service `migrate`) uses the rest.
COPY --from=build --chown=node:node /app/.next/standalone ./server
COPY --from=build --chown=node:node /app/package.json /app/prisma.config.ts ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/scripts ./scripts
COPY --from=build --chown=node:node /app/lib/generated ./lib/generated
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Liveness only (no database): /api/ready is for the load balancer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Next's own server. Node is PID 1 and receives SIGTERM itself (exec form, no shell in between); with
# NEXT_MANUAL_SIG_HANDLE=true our handler (lib/runtime/shutdown.ts) drains, stops the worker and the pool, then exits.
STOPSIGNAL SIGTERM
CMD ["node", "server/server.js"]
