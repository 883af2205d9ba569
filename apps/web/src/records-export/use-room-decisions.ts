import type { DecisionRecord } from '@accord/records'
import { useEffect, useSyncExternalStore } from 'react'
import { fetchRoomDecisions } from './room-records'

const REFRESH_MS = 10_000
const none: readonly DecisionRecord[] = []

/**
 * The decision records saved from one room, shared by everything on the board that shows them
 * (the marks on the canvas, the workshop panel): one request every few seconds while anything
 * is listening, and at once after a save.
 */
class DecisionFeed {
  private decisions: readonly DecisionRecord[] = none
  private text = '[]'
  private readonly listeners = new Set<() => void>()
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly roomId: string,
    private readonly token: string,
  ) {}

  readonly snapshot = () => this.decisions

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    if (this.timer === null) {
      void this.refresh()
      this.timer = setInterval(() => void this.refresh(), REFRESH_MS)
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0 && this.timer !== null) {
        clearInterval(this.timer)
        this.timer = null
      }
    }
  }

  async refresh(): Promise<void> {
    const result = await fetchRoomDecisions(this.roomId, this.token)
    if (!result.ok || !Array.isArray(result.value)) return
    const text = JSON.stringify(result.value)
    if (text === this.text) return
    this.text = text
    this.decisions = result.value
    for (const listener of this.listeners) listener()
  }
}

const feeds = new Map<string, DecisionFeed>()

function feedOf(roomId: string, token: string): DecisionFeed {
  const key = `${roomId} ${token}`
  let feed = feeds.get(key)
  if (!feed) {
    feed = new DecisionFeed(roomId, token)
    feeds.set(key, feed)
  }
  return feed
}

/** Asks every board view of this room to reload its decision records now (e.g. after a save). */
export function refreshRoomDecisions(roomId: string): Promise<void> {
  const pending = [...feeds.entries()]
    .filter(([key]) => key.startsWith(`${roomId} `))
    .map(([, feed]) => feed.refresh())
  return Promise.all(pending).then(() => undefined)
}

/**
 * The decision records saved from this room, kept fresh; reloaded also whenever `changedAt`
 * changes (e.g. the workshop's close, which saves them).
 */
export function useRoomDecisions(
  roomId: string,
  token: string,
  changedAt: number | null = null,
): readonly DecisionRecord[] {
  const feed = feedOf(roomId, token)
  useEffect(() => {
    if (changedAt !== null) void feed.refresh()
  }, [feed, changedAt])
  return useSyncExternalStore(feed.subscribe, feed.snapshot)
}
