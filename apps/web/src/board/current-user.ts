/**
 * Who this browser is on a board: the member it joined as. The server stamps the name on the
 * presence others see; the client mirrors it so its own UI agrees.
 */
import {
  atom,
  createUserId,
  defaultUserPreferences,
  getUserPreferences,
  type Atom,
  type TLUser,
  UserRecordType,
} from 'tldraw'

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

/** A tldraw user for a member; the colour is this browser's own (tldraw's preferences). */
export function userForMember(member: { id: string; name: string }): TLUser {
  return UserRecordType.create({
    id: createUserId(member.id),
    name: member.name,
    color: getUserPreferences().color ?? defaultUserPreferences.color,
  })
}

export function memberUserAtom(member: { id: string; name: string }): Atom<TLUser | null> {
  return atom<TLUser | null>('accord member user', userForMember(member))
}
