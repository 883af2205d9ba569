/**
 * JSON-lines logging to stdout: one object per line, easy to grep and to ship (README, "Logs").
 * Every line has `time`, `level` and `msg`; the rest are the caller's fields: `requestId`,
 * `room`, and so on. Callers choose what they log and never pass a token; as a second line of
 * defence, a field whose name says it holds a secret is written as "[redacted]".
 */
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
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          level: at,
          msg: message,
          ...callerFields(fields),
        }),
      )
    }
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') }
}

const secretField = /token|authorization|cookie|secret|password|access.?key/i
const ownFields = new Set(['time', 'level', 'msg'])

/** The caller's fields, secrets redacted; they cannot replace `time`, `level` or `msg`. */
function callerFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (ownFields.has(name)) continue
    out[name] = secretField.test(name) ? '[redacted]' : value
  }
  return out
}
