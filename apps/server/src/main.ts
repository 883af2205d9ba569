/** Entry point: `node apps/server/dist/main.js` (what `pnpm start` runs). */
import { databaseLabel, loadConfig, redisLabel } from './config.js'
import { createLogger } from './log.js'
import { startServer } from './server.js'

const config = loadConfig(process.env)
if (!config.ok) {
  process.stderr.write(`${config.error}\n`)
  process.exit(1)
}
const logger = createLogger(config.value.logLevel)
const server = await startServer(config.value, logger)
logger.info('listening', {
  url: server.url,
  port: server.port,
  database: databaseLabel(config.value),
  ...(config.value.redisUrl === null ? {} : { redis: redisLabel(config.value.redisUrl) }),
  webApp: config.value.webDist !== null,
})
process.stdout.write(`\n  Accord is running at ${server.url}\n\n`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1) // a second signal: stop now
    stopping = true
    logger.info('shutting down', { signal })
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) })
        process.exit(1)
      },
    )
  })
}
