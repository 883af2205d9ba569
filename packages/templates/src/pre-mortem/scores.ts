/**
 * Likelihood × impact scoring. Each person scores each risk from 1 to 5 on both, in secret; when
 * the facilitator closes the scoring, every risk gets the mean likelihood and mean impact of the
 * people who scored it, and its score is their product (1–25).
 */
export interface RiskScore {
  readonly likelihood: number
  readonly impact: number
}

/** One person's scores: risk id → score. */
export type ScoreSheet = Readonly<Record<string, RiskScore>>

export interface ScoredRisk extends RiskScore {
  /** Mean likelihood × mean impact, to one decimal. */
  readonly score: number
  readonly raters: number
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10

export function isScoreSheet(value: unknown): value is ScoreSheet {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every(
    (score: unknown) =>
      typeof score === 'object' &&
      score !== null &&
      typeof (score as RiskScore).likelihood === 'number' &&
      typeof (score as RiskScore).impact === 'number',
  )
}

/** [tpl:PM2] Averages everyone's sheets per risk. */
export function averageScores(sheets: readonly ScoreSheet[]): Record<string, ScoredRisk> {
  const sums = new Map<string, { likelihood: number; impact: number; raters: number }>()
  for (const sheet of sheets) {
    for (const [riskId, { likelihood, impact }] of Object.entries(sheet)) {
      const sum = sums.get(riskId) ?? { likelihood: 0, impact: 0, raters: 0 }
      sums.set(riskId, {
        likelihood: sum.likelihood + likelihood,
        impact: sum.impact + impact,
        raters: sum.raters + 1,
      })
    }
  }
  return Object.fromEntries(
    [...sums].map(([riskId, sum]) => {
      const likelihood = sum.likelihood / sum.raters
      const impact = sum.impact / sum.raters
      return [
        riskId,
        {
          likelihood: oneDecimal(likelihood),
          impact: oneDecimal(impact),
          score: oneDecimal(likelihood * impact),
          raters: sum.raters,
        },
      ]
    }),
  )
}
