/** Hands a file to the browser's downloads: an object URL behind a link with `download`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked a little later: some browsers read the URL after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
