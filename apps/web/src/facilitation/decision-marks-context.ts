import type { DecisionRecord } from '@accord/records'
import { createContext } from 'react'

/** The decision records saved from this room, for the "Decided in DR-n" marks on the canvas. */
export const DecisionMarksContext = createContext<readonly DecisionRecord[]>([])
