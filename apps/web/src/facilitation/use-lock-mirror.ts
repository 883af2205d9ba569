import { can, type Locks, type Role } from '@accord/facilitation'
import { useEffect, useRef } from 'react'
import type { Atom, Editor } from 'tldraw'
import { mirrorLocks } from './lock-mirror'

/**
 * Keeps the editor in step with what this person may change: read-only for viewers and, while the
 * board is locked, for participants; locked frames and the template's layout (`locks.layout`)
 * guarded for participants. Facilitators may change everything.
 */
export function useLockMirror(
  editor: Editor | null,
  editMode: Atom<'readonly' | 'readwrite'>,
  role: Role,
  locks: Locks,
): void {
  const facilitates = can(role, 'room.facilitate')
  const readOnly = !can(role, 'board.edit') || (!facilitates && locks.board)
  const current = useRef(locks)
  useEffect(() => {
    current.current = locks
  }, [locks])

  useEffect(() => {
    editMode.set(readOnly ? 'readonly' : 'readwrite')
  }, [editMode, readOnly])

  useEffect(() => {
    if (!editor || facilitates) return
    return mirrorLocks(editor, () => current.current)
  }, [editor, facilitates])
}
