// tldraw's store delivers changes on the next animation frame; Node has no frames, so a timer
// stands in for one.
if (typeof globalThis.requestAnimationFrame !== 'function') {
  globalThis.requestAnimationFrame = (callback) =>
    setTimeout(() => callback(performance.now()), 1) as unknown as number
  globalThis.cancelAnimationFrame = (handle) => clearTimeout(handle)
}
