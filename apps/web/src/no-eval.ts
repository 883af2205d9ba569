/**
 * Imported first by main.tsx, before anything that loads zod.
 *
 * The server's Content-Security-Policy allows no `eval` (apps/server/src/http/security-headers.ts).
 * Zod, which the templates use to check action input, probes once with `new Function('')` to
 * decide whether it may compile faster parsers; under the policy that probe is refused and
 * reported as a violation. Zod's `jitless` setting skips the probe. The web app does not import
 * zod itself, so the setting goes into the config object zod shares through `globalThis` (zod
 * keeps an object that is already there).
 */
const shared = globalThis as { __zod_globalConfig?: Record<string, unknown> }
shared.__zod_globalConfig = { ...shared.__zod_globalConfig, jitless: true }

export {}
