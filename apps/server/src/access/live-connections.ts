import type { Credential } from './credentials.js'

export interface LiveConnection {
  readonly credential: Credential
  disconnect(code: number, reason: string): void
  /** The member renamed themselves: stamp their presence with the new name from now on. */
  rename(name: string): void
}

/** The open sync connections with the credential each was opened with. */
export class LiveConnections {
  private readonly open = new Set<LiveConnection>()

  get count(): number {
    return this.open.size
  }

  add(connection: LiveConnection): () => void {
    this.open.add(connection)
    return () => this.open.delete(connection)
  }

  /** Disconnects every connection matching `which`; returns how many. */
  disconnect(which: (credential: Credential) => boolean, code: number, reason: string): number {
    let count = 0
    for (const connection of [...this.open]) {
      if (!which(connection.credential)) continue
      this.open.delete(connection)
      connection.disconnect(code, reason)
      count++
    }
    return count
  }

  rename(memberId: string, name: string): void {
    for (const connection of this.open) {
      if (connection.credential.member?.id === memberId) connection.rename(name)
    }
  }
}
