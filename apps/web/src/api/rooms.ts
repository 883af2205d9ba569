/** The HTTP API as the web app uses it. Failures are values: the UI decides what to show. */
export interface RoomInfo {
  readonly id: string
  readonly title: string
  readonly createdAt: string
  readonly links: { readonly board: string }
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false
      readonly status: number
      readonly error: string
      readonly message: string
    }

export function createRoom(title: string): Promise<ApiResult<RoomInfo>> {
  return request<RoomInfo>('/api/rooms', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
}

export function fetchRoom(id: string): Promise<ApiResult<RoomInfo>> {
  return request<RoomInfo>(`/api/rooms/${encodeURIComponent(id)}`)
}

async function request<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(path, init)
  } catch {
    return { ok: false, status: 0, error: 'network', message: 'Cannot reach the Accord server.' }
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null
  if (response.ok && body) return { ok: true, value: body as T }
  return {
    ok: false,
    status: response.status,
    error: typeof body?.error === 'string' ? body.error : 'http_error',
    message:
      typeof body?.message === 'string' ? body.message : `Request failed (${response.status})`,
  }
}
