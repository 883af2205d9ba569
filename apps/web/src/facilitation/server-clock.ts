/**
 * The server's time as seen from this browser. Each sample is one round trip to `/api/time`;
 * assuming the answer was made half-way through, the offset is `server - midpoint`, and the
 * sample with the shortest round trip is the most accurate.
 */
export interface ClockSample {
  readonly sentAt: number
  readonly receivedAt: number
  readonly serverNow: number
}

export function offsetFrom(samples: readonly ClockSample[]): number {
  const best = [...samples].sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt))[0]
  if (!best) return 0
  return best.serverNow - (best.sentAt + best.receivedAt) / 2
}

export async function measureOffset(
  fetchServerNow: () => Promise<number>,
  now: () => number = Date.now,
  samples = 3,
): Promise<number> {
  const taken: ClockSample[] = []
  for (let i = 0; i < samples; i++) {
    const sentAt = now()
    const serverNow = await fetchServerNow()
    taken.push({ sentAt, receivedAt: now(), serverNow })
  }
  return offsetFrom(taken)
}
