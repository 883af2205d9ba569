/**
 * The HTTP API as the web app uses it: every route and command as `@accord/api` describes them,
 * so a wrong path, field or answer does not compile. Failures are values: the UI decides what to
 * show.
 */
import {
  api,
  type ApiErrorBody,
  type BodyOf,
  type CommandResult,
  pathOf,
  type PathParams,
  type QueryOf,
  type ResponseOf,
  type RoomCommand,
  type RoomCommandType,
  type Route,
} from '@accord/api'
import { signInFirst } from '../signin/sign-in-path'

export type { CreatedRoom, Joined, RoomView, ShareLinks } from '@accord/api'

export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false
      readonly status: number
      readonly error: string
      readonly message: string
    }

/** What a room may be made from besides its title (a blank board when none is given). */
export type RoomSetup = Omit<BodyOf<typeof api.rooms.create>, 'title'>

export function createRoom(title: string, setup: RoomSetup = {}) {
  return call(api.rooms.create, {}, null, { body: { title, ...setup } })
}

export function fetchRoom(id: string, token: string) {
  return call(api.rooms.read, { id }, token)
}

export function joinRoom(id: string, linkToken: string, name?: string) {
  return call(api.rooms.join, { id }, linkToken, { body: name ? { name } : {} })
}

/**
 * Sends a room command (`{ type: 'vote.open', … }`): its fields are the contract's, and so is
 * what it answers.
 */
export function sendCommand<T extends RoomCommandType>(
  id: string,
  token: string,
  command: RoomCommand & { readonly type: T },
): Promise<ApiResult<CommandResult<T>>> {
  return request<CommandResult<T>>('POST', pathOf(api.commands.send, { id }), token, command)
}

/** What a route takes besides its path and credential: its body, if it has one; its query. */
type Input<R> = (R extends { readonly body: object } ? { readonly body: BodyOf<R> } : unknown) &
  (R extends { readonly query: object } ? { readonly query?: QueryOf<R> } : unknown)
type InputArgs<R> = R extends { readonly body: object }
  ? [input: Input<R>]
  : R extends { readonly query: object }
    ? [input?: Input<R>]
    : []

/** A route of the contract, called: its JSON answer once the server says yes. */
export function call<R extends Route>(
  route: R,
  params: PathParams<R['path']>,
  token: string | null,
  ...input: InputArgs<R>
): Promise<ApiResult<ResponseOf<R>>> {
  const [given = {}]: readonly { readonly body?: unknown; readonly query?: object }[] = input
  const path = pathOf(route, params) + queryString({ ...given.query })
  return request<ResponseOf<R>>(route.method, path, token, given.body)
}

/** `?a=1&b=2` from the given (non-empty) values, or '' when there are none. */
export function queryString(values: {
  readonly [key: string]: string | number | undefined
}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' ? value !== '' : typeof value === 'number')
      params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
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
  // A refusal's body is an `ApiErrorBody`, unless something other than Accord answered.
  const json = (await response.json().catch(() => null)) as
    | {
        readonly [Key in keyof ApiErrorBody]?: unknown
      }
    | null
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
