/** What a command may touch of its process: injected, so tests run commands in-process. */
export interface CliIo {
  readonly env: Record<string, string | undefined>
  /** Where relative file arguments are resolved from. */
  readonly cwd: string
  out(line: string): void
  err(line: string): void
}

export interface CommandInput {
  /** The database the server uses (`DATABASE_URL`), as configured. */
  readonly databasePath: string
  /** The backup file, as given on the command line. */
  readonly file: string
  readonly force: boolean
}

export type Command = (input: CommandInput, io: CliIo) => Promise<number>

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`
