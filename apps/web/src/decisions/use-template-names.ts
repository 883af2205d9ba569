import { useEffect, useState } from 'react'
import { fetchTemplates } from '../api/templates'

/** Template id → name, as the server offers them (empty until loaded, or if it cannot be). */
export function useTemplateNames(): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    let live = true
    void fetchTemplates().then((result) => {
      if (live && result.ok) setNames(new Map(result.value.map((t) => [t.id, t.name])))
    })
    return () => {
      live = false
    }
  }, [])
  return names
}
