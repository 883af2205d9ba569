import type { ComponentType } from 'react'
import { BlankPanel } from './BlankPanel'
import { DecisionPanel } from './DecisionPanel'
import { EmpathyMapPanel } from './EmpathyMapPanel'
import type { TemplatePanelProps } from './panel-props'
import { PreMortemPanel } from './PreMortemPanel'
import { RetroPanel } from './RetroPanel'

/** Each template's side panel, by template id (a template without one gets the blank panel). */
export const templatePanels: Readonly<Record<string, ComponentType<TemplatePanelProps>>> = {
  retro: RetroPanel,
  'pre-mortem': PreMortemPanel,
  'empathy-map': EmpathyMapPanel,
  'disagree-and-commit': DecisionPanel,
  blank: BlankPanel,
}
