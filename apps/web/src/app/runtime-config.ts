import {
  CLIENT_CONFIG_META,
  type ClientConfig,
  decodeClientConfig,
} from '@accord/sync/client-config'

let config: ClientConfig | null = null

/** The settings the server put in this page (`@accord/sync/client-config`), read once. */
export function runtimeConfig(): ClientConfig {
  config ??= decodeClientConfig(
    document.querySelector<HTMLMetaElement>(`meta[name="${CLIENT_CONFIG_META}"]`)?.content,
  )
  return config
}
