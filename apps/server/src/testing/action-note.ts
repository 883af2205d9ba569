/** An action-item note as a client writes it onto a board (tldraw's record, by value). */
export function actionNote(
  id: string,
  text: string,
  action: { readonly ownerId: string; readonly ownerName: string; readonly due: string | null },
) {
  return {
    typeName: 'shape',
    type: 'note',
    id,
    parentId: 'page:page',
    index: 'a9',
    x: 0,
    y: 2000,
    props: {
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      },
    },
    meta: { action },
  }
}
