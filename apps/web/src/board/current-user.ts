/**
 * Who this browser is on a board: the name and colour others see next to its cursor. Kept in
 * tldraw's user preferences (local storage), which tldraw's own UI edits too.
 */
import {
  computed,
  createUserId,
  defaultUserPreferences,
  getUserPreferences,
  setUserPreferences,
  type TLUser,
  UserRecordType,
} from 'tldraw'

export const $currentUser = computed<TLUser | null>('accord current user', () => {
  const prefs = getUserPreferences()
  return UserRecordType.create({
    id: createUserId(prefs.id),
    name: prefs.name ?? '',
    color: prefs.color ?? defaultUserPreferences.color,
  })
})

export const MAX_DISPLAY_NAME = 40

// tldraw labels notes with the first word of their author's name, so guest names are one word.
const guestNames = [
  'Otter',
  'Heron',
  'Lynx',
  'Badger',
  'Falcon',
  'Marten',
  'Puffin',
  'Ibex',
  'Gecko',
  'Bison',
  'Osprey',
  'Tapir',
  'Wombat',
  'Quokka',
  'Narwhal',
  'Okapi',
  'Pika',
  'Kestrel',
  'Lemur',
  'Moose',
  'Raven',
  'Stoat',
  'Walrus',
  'Yak',
  'Zebra',
  'Coyote',
  'Dingo',
  'Egret',
  'Ferret',
  'Gazelle',
]

export function guestName(random: () => number = Math.random): string {
  return guestNames[Math.floor(random() * guestNames.length)] ?? 'Guest'
}

/** Cleans a typed name: trimmed, single-spaced, bounded; empty means "keep the old one". */
export function normaliseDisplayName(input: string): string {
  return input.replace(/\s+/g, ' ').trim().slice(0, MAX_DISPLAY_NAME)
}

export function getDisplayName(): string {
  return getUserPreferences().name ?? ''
}

export function setDisplayName(name: string): void {
  const clean = normaliseDisplayName(name)
  if (clean === '') return
  setUserPreferences({ ...getUserPreferences(), name: clean })
}

/** Gives a first-time visitor a name, so that their cursor is labelled from the start. */
export function ensureDisplayName(): void {
  if (getDisplayName().trim() === '') setDisplayName(guestName())
}
