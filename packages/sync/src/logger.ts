/** The structured logger the sync engine writes to; the server supplies a JSON-lines one. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
}
