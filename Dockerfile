# syntax=docker/dockerfile:1
# The bot runs the JavaScript `npm run build` compiles from src/ (tsconfig.build.json): Node 24 can
# run the TypeScript sources as they are, but stripping their types costs ~35 MB of memory and half
# a second of start (BENCHMARKS.md, footprint). The image is that JavaScript plus the production
# dependencies, on the image's own Node 24 (the `node` devDependency that pins Node 24 for npm
# scripts is left out with the other dev tools).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# TypeScript and the types it reads; no install scripts (nothing built here needs one).
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN node node_modules/typescript/bin/tsc -p tsconfig.build.json

FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# The install CI runs (.ci/run), without the dev dependencies.
RUN npm ci --no-audit --no-fund --omit=dev

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
# The embedded store and the local queue file live in ./data (STORE_URL's default, and the queue's
# path beside a Redis or PostgreSQL store): a volume, writable by the unprivileged user.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3978
# Slim images have no curl: Node's own fetch asks the bot whether it is serving.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npm start`'s command, run by node itself so that SIGTERM reaches the bot (it finishes in-flight
# work, then exits). --expose-gc: the one collection after start that gives back what loading left
# (src/release-start-memory.ts).
CMD ["node", "--expose-gc", "--max-semi-space-size=16", "--max-old-space-size=512", "dist/main.js"]
