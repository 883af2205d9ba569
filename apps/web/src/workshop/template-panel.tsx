import type { ReactElement } from 'react'
import { BlankPanel } from './blank/BlankPanel'
import { DecisionPanel } from './disagree-and-commit/DecisionPanel'
import { EmpathyMapPanel } from './empathy-map/EmpathyMapPanel'
import type { TemplatePanelProps } from './panel-props'
import { PreMortemPanel } from './pre-mortem/PreMortemPanel'
import { RetroPanel } from './retro/RetroPanel'

/**
 * Each template's side panel, chosen by its result: every panel gets its own template's result
 * type, and a template without a panel here does not compile.
 */
export function TemplatePanel(props: TemplatePanelProps): ReactElement {
  const { result } = props
  switch (result.template) {
    case 'retro':
      return <RetroPanel {...props} result={result} />
    case 'pre-mortem':
      return <PreMortemPanel {...props} result={result} />
    case 'empathy-map':
      return <EmpathyMapPanel {...props} result={result} />
    case 'disagree-and-commit':
      return <DecisionPanel {...props} result={result} />
    case 'blank':
      return <BlankPanel {...props} result={result} />
  }
}
