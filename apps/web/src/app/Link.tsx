import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from './navigation'

/**
 * A link to another page of the app: a plain `<a>` (open in a new tab, copy, middle-click all
 * work) that, on an ordinary click, changes page without reloading.
 */
export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  function click(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event)
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target === '_blank' ||
      rest.download !== undefined
    )
      return
    event.preventDefault()
    navigate(href)
    window.scrollTo(0, 0)
  }
  return <a href={href} onClick={click} {...rest} />
}
