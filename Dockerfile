# syntax=docker/dockerfile:1
# The bot runs its TypeScript sources as they are (Node 24 strips the types): there is no build
# step, so the image is the sources plus the production dependencies, on the image's own Node 24
# (the `node` devDependency that pins Node 24 for npm scripts is left out with the other dev tools).
ARG NODE_IMAGE=node:24-bookworm-slim

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
COPY src ./src
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
# work, then exits).
CMD ["node", "--max-semi-space-size=16", "--max-old-space-size=512", "src/main.ts"]
