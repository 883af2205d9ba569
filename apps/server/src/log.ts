/** JSON-lines logging to stdout: one object per line, easy to grep and to ship. */
import type { Logger } from '@accord/sync'

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const
export type LogLevel = keyof typeof levels

export interface ServerLogger extends Logger {
  debug(message: string, fields?: Record<string, unknown>): void
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): ServerLogger {
  const emit =
    (at: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (levels[at] < levels[level]) return
      write(JSON.stringify({ time: new Date().toISOString(), level: at, msg: message, ...fields }))
    }
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') }
}
