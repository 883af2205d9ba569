/**
 * How a route of the HTTP API is described: as data (method, path, who may call it, its request
 * schemas) with the type of its answer attached. The server validates with the schemas and types
 * its answers with `ResponseOf`; the web app builds its requests from the same descriptions. The
 * descriptions are plain values, so an OpenAPI document can be generated from them later.
 */
import type { z } from 'zod'

export type Method = 'GET' | 'POST' | 'DELETE'

/**
 * What a caller proves: nothing; the instance's access key, when the instance has one (a sign-in
 * cookie or `Authorization: Bearer <key>`); a room credential (`Authorization: Bearer <token>`, a
 * share-link or member token); or both (the room a record came from, on a protected instance).
 */
export type Credentials = 'none' | 'instance' | 'room' | 'instance+room'

export interface RouteSpec {
  readonly method: Method
  /** From the origin, with `:name` parameters: `/api/rooms/:id/join`. */
  readonly path: string
  /** One sentence on what the route does. */
  readonly summary: string
  readonly credentials: Credentials
  /** The JSON body, as the server validates it. */
  readonly body?: z.ZodType
  /** The query parameters, as the server validates them. */
  readonly query?: z.ZodType
  /** The status of a successful answer; 200 when absent. */
  readonly status?: 200 | 201
  /** A successful answer is JSON (typed by the route), or a file to download. */
  readonly answer: 'json' | 'file'
}

declare const answerType: unique symbol

/** A route description carrying the type of its JSON answer (a type only: no value is kept). */
export interface Answers<T> {
  readonly [answerType]?: T
}

export type Route<T = unknown> = RouteSpec & Answers<T>

/** Describes a route answering `T`: `route<RoomView>()({ method: 'GET', … })`. */
export function route<T>() {
  return <const Spec extends RouteSpec>(spec: Spec): Spec & Answers<T> => spec
}

/** The JSON a route answers with. */
export type ResponseOf<R> = R extends Answers<infer T> ? T : never

/** A request as a client sends it: nothing in it needs to be mutable. */
export type Sent<T> = T extends readonly (infer Item)[]
  ? readonly Sent<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: Sent<T[K]> }
    : T

/** The JSON body a client sends to a route (fields with defaults may be left out). */
export type BodyOf<R> = R extends { readonly body: infer S extends z.ZodType }
  ? Sent<z.input<S>>
  : never

/** The query parameters a client sends to a route. */
export type QueryOf<R> = R extends { readonly query: infer S extends z.ZodType }
  ? Sent<z.input<S>>
  : never

/** The `:name` parameters of a path, each a string: `{ id: string }` for `/api/rooms/:id`. */
export type PathParams<Path extends string> = string extends Path
  ? Record<string, string>
  : Path extends `${string}:${infer Name}/${infer Rest}`
    ? { readonly [K in Name]: string } & PathParams<`/${Rest}`>
    : Path extends `${string}:${infer Name}`
      ? { readonly [K in Name]: string }
      : Record<never, string>

/** The path of a route with its parameters filled in (each URL-encoded). */
export function pathOf<Path extends string>(
  spec: { readonly path: Path },
  params: PathParams<Path>,
): string {
  const values = params as Readonly<Record<string, string>>
  return spec.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`${spec.path}: no value for :${name}`)
    return encodeURIComponent(value)
  })
}

/** The body of every refusal: `code` is stable for programs, `message` is for people. */
export interface ApiErrorBody {
  readonly error: string
  readonly message: string
}
