/**
 * [tpl:RK1] Ranks items by a score, highest first; equal scores share a rank and keep their board
 * order. Items without a score come last, unranked.
 */
export function rankBy<T>(
  items: readonly T[],
  score: (item: T) => number | null,
): (T & { readonly rank: number | null })[] {
  const scored = items.map((item, order) => ({ item, order, score: score(item) }))
  scored.sort(
    (a, b) =>
      (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      a.order - b.order,
  )
  return scored.map(({ item, score: own }) => ({
    ...item,
    rank:
      own === null
        ? null
        : 1 + scored.filter((other) => other.score !== null && other.score > own).length,
  }))
}
