/**
 * Polls until a condition holds. The timeout only turns a hang into a readable failure; tests never
 * assert how long anything took.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000)
  for (;;) {
    if (await condition()) return
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${options.what ?? 'condition'}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
