/**
 * A board as Accord wrote it on tldraw 5.4.2, before the move to the 3.x line: the schema tldraw
 * 5.4.2's `createTLSchema().serialize()` gives (copied from that release), and a note with the
 * props 5.x notes have (`textLastEditedBy` is new in 4.x). The new server must refuse such a board
 * clearly rather than show it broken.
 */
export const tldraw5Schema = {
  schemaVersion: 2,
  sequences: {
    'com.tldraw.store': 5,
    'com.tldraw.asset': 1,
    'com.tldraw.camera': 1,
    'com.tldraw.document': 2,
    'com.tldraw.instance': 26,
    'com.tldraw.instance_page_state': 5,
    'com.tldraw.page': 1,
    'com.tldraw.instance_presence': 6,
    'com.tldraw.pointer': 1,
    'com.tldraw.shape': 4,
    'com.tldraw.user': 1,
    'com.tldraw.asset.image': 6,
    'com.tldraw.asset.video': 5,
    'com.tldraw.asset.bookmark': 2,
    'com.tldraw.shape.arrow': 8,
    'com.tldraw.shape.bookmark': 2,
    'com.tldraw.shape.draw': 5,
    'com.tldraw.shape.embed': 4,
    'com.tldraw.shape.frame': 1,
    'com.tldraw.shape.geo': 12,
    'com.tldraw.shape.group': 0,
    'com.tldraw.shape.highlight': 4,
    'com.tldraw.shape.image': 5,
    'com.tldraw.shape.line': 5,
    'com.tldraw.shape.note': 13,
    'com.tldraw.shape.text': 4,
    'com.tldraw.shape.video': 4,
    'com.tldraw.binding.arrow': 1,
  },
} as const

/** A sticky note as Accord on tldraw 5.4.2 stored it. */
export function tldraw5Note(id: string, text: string) {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'note',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      },
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
  }
}
