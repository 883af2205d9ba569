import type { ApiErrorBody } from './route.js'

/** The statuses the API refuses with. */
export type ApiErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 429 | 500 | 503

/**
 * The one error type of the HTTP API, thrown by the server's routes and by the application layer
 * (`@accord/workshop`) alike; the server answers it as `{"error": code, "message": reason}` with
 * its status. `code` is stable for programs, `message` is for people. No framework in it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }

  /** The JSON body it is answered with. */
  get body(): ApiErrorBody {
    return { error: this.code, message: this.message }
  }
}
