/**
 * Who this browser is on a board: the member it joined as. The server stamps the name on the
 * presence others see; the client mirrors it so its own UI agrees.
 */
import { DISPLAY_NAME_MAX } from '@accord/api'
import {
  type Atom,
  computed,
  createTLUser,
  defaultUserPreferences,
  getUserPreferences,
  type Signal,
  setUserPreferences,
  type TLPresenceUserInfo,
  type TLUser,
} from 'tldraw'

/** The server's bound on a name (`@accord/api`): a field never takes more than it accepts. */
export const MAX_DISPLAY_NAME = DISPLAY_NAME_MAX

// Notes are labelled with the first word of their author's name, so guest names are one word.
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

/** The member as others see them: `user:<member id>`, their name, this browser's colour. */
export interface MemberUser extends TLPresenceUserInfo {
  readonly id: string
  readonly name: string
  readonly color: string
}

/** The id tldraw and presence use for a member. */
export function memberUserId(memberId: string): string {
  return `user:${memberId}`
}

/**
 * This browser's member on a board. The id and name are the member's (the server stamps them on
 * presence anyway); the colour is this browser's own tldraw preference, so picking one in the
 * people menu changes the cursor others see.
 */
export function memberUser(memberId: string, name: Atom<string>): Signal<MemberUser> {
  return computed('accord member user', () => ({
    id: memberUserId(memberId),
    name: name.get(),
    color: getUserPreferences().color ?? defaultUserPreferences.color,
  }))
}

/**
 * The user tldraw's own UI shows (people menu, "You"): this browser's preferences — colour,
 * theme, snapping, locale — with the member's id and name. Preferences changed in tldraw's menus
 * are kept for every board; the id and name stay the member's (a name is changed in the header,
 * where the server records it).
 */
export function tldrawUserFor(user: Signal<MemberUser>): TLUser {
  return createTLUser({
    userPreferences: computed('accord tldraw user', () => ({
      ...getUserPreferences(),
      id: user.get().id,
      name: user.get().name,
    })),
    setUserPreferences: (preferences) => {
      const { id, name } = getUserPreferences()
      setUserPreferences({ ...preferences, id, name })
    },
  })
}
