import type { ComponentType } from 'react'
import { BlankPanel } from './blank/BlankPanel'
import { DecisionPanel } from './disagree-and-commit/DecisionPanel'
import { EmpathyMapPanel } from './empathy-map/EmpathyMapPanel'
import type { TemplatePanelProps } from './panel-props'
import { PreMortemPanel } from './pre-mortem/PreMortemPanel'
import { RetroPanel } from './retro/RetroPanel'

/** Each template's side panel, by template id (a template without one gets the blank panel). */
export const templatePanels: Readonly<Record<string, ComponentType<TemplatePanelProps>>> = {
  retro: RetroPanel,
  'pre-mortem': PreMortemPanel,
  'empathy-map': EmpathyMapPanel,
  'disagree-and-commit': DecisionPanel,
  blank: BlankPanel,
}
