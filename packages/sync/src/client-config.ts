/**
 * What the server tells the web app when it serves the page: settings read at the server's start
 * that the browser needs, so changing them needs no rebuild of the web app. The server puts them
 * in `<meta name="accord-config" content="…">` of every page; the app reads them once.
 */
export const CLIENT_CONFIG_META = 'accord-config'

export interface ClientConfig {
  /**
   * `ACCORD_TLDRAW_LICENSE_KEY`: a tldraw business licence key, which removes tldraw's watermark
   * (null: none, and the watermark shows, as tldraw's 3.x licence requires).
   */
  readonly tldrawLicenseKey: string | null
}

export const defaultClientConfig: ClientConfig = { tldrawLicenseKey: null }

export function encodeClientConfig(config: ClientConfig): string {
  return JSON.stringify(config)
}

/** The config in a page's meta tag; the defaults for anything missing or malformed. */
export function decodeClientConfig(content: string | null | undefined): ClientConfig {
  let parsed: unknown
  try {
    parsed = JSON.parse(content ?? '')
  } catch {
    return defaultClientConfig
  }
  if (typeof parsed !== 'object' || parsed === null) return defaultClientConfig
  const { tldrawLicenseKey } = parsed as Record<string, unknown>
  return {
    tldrawLicenseKey:
      typeof tldrawLicenseKey === 'string' && tldrawLicenseKey !== '' ? tldrawLicenseKey : null,
  }
}
