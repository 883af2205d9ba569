import type { WebSocket, WebSocketServer } from 'ws'

/**
 * Pings every connection once per interval. A connection that has not answered the previous ping
 * is dead — a half-open TCP connection, a laptop that went to sleep — and is terminated, which
 * frees its place in the room and removes its presence for everyone else. Browsers and the `ws`
 * client answer pings by themselves.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const answered = new WeakSet<WebSocket>()
  wss.on('connection', (ws) => {
    answered.add(ws)
    ws.on('pong', () => answered.add(ws))
  })
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!answered.has(ws)) {
        ws.terminate()
        continue
      }
      answered.delete(ws)
      ws.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
