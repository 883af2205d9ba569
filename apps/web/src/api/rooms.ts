/** The HTTP API as the web app uses it. Failures are values: the UI decides what to show. */
import type { Role } from '@accord/facilitation'
import { signInFirst } from '../signin/sign-in-path'

export type ShareLinks = Partial<Record<Role | 'board', string>>

export interface CreatedRoom {
  readonly id: string
  readonly title: string
  readonly template: string
  readonly createdAt: string
  readonly tokens: Record<Role, string>
  readonly links: ShareLinks
}

export interface RoomView {
  readonly id: string
  readonly title: string
  readonly createdAt: string
  readonly role: Role
  readonly member: { readonly id: string; readonly name: string } | null
  readonly links: ShareLinks
}

export interface Joined {
  readonly member: { readonly id: string; readonly name: string; readonly role: Role }
  readonly token: string
}

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false
      readonly status: number
      readonly error: string
      readonly message: string
    }

/** What a room may be made from besides its title (a blank board when none is given). */
export interface RoomSetup {
  readonly template?: string
  readonly options?: Readonly<Record<string, string | number | boolean>>
  /** An earlier workshop to follow up (a team's last retro), proven with a facilitator token. */
  readonly followUp?: { readonly roomId: string; readonly token: string }
}

export function createRoom(title: string, setup: RoomSetup = {}): Promise<ApiResult<CreatedRoom>> {
  return request<CreatedRoom>('POST', '/api/rooms', null, { title, ...setup })
}

export function fetchRoom(id: string, token: string): Promise<ApiResult<RoomView>> {
  return request<RoomView>('GET', roomPath(id), token)
}

export function joinRoom(id: string, linkToken: string, name?: string): Promise<ApiResult<Joined>> {
  return request<Joined>('POST', `${roomPath(id)}/join`, linkToken, name ? { name } : {})
}

export function sendCommand<T = unknown>(
  id: string,
  token: string,
  command: { type: string } & Record<string, unknown>,
): Promise<ApiResult<T>> {
  return request<T>('POST', `${roomPath(id)}/commands`, token, command)
}

export function roomPath(id: string): string {
  return `/api/rooms/${encodeURIComponent(id)}`
}

/** A JSON request: its answer's body once the server says yes. */
export async function request<T>(
  method: Method,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<ApiResult<T>> {
  const answered = await requestResponse(method, path, token, body)
  if (!answered.ok) return answered
  const json = (await answered.value.json().catch(() => null)) as T | null
  if (json === null) {
    const status = answered.value.status
    return { ok: false, status, error: 'http_error', message: `Request failed (${status})` }
  }
  return { ok: true, value: json }
}

type Method = 'GET' | 'POST' | 'DELETE'

/**
 * Any request to the server — the only place the web app calls `fetch`: the response once it is
 * ok (a file or a text is read from it), or the server's refusal as a value.
 */
export async function requestResponse(
  method: Method,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<ApiResult<Response>> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch {
    return { ok: false, status: 0, error: 'network', message: 'Cannot reach the Accord server.' }
  }
  if (response.ok) return { ok: true, value: response }
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null
  // The instance asks for its access key (creating a workshop, the decision log): whichever page
  // met this goes to the sign-in page, which comes back here afterwards.
  if (response.status === 401 && json?.error === 'access_key_required') signInFirst()
  return {
    ok: false,
    status: response.status,
    error: typeof json?.error === 'string' ? json.error : 'http_error',
    message:
      typeof json?.message === 'string' ? json.message : `Request failed (${response.status})`,
  }
}
