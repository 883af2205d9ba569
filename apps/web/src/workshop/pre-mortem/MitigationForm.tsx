import { preMortemLimits, type RegisterEntry } from '@accord/templates'
import { type FormEvent, useId, useState } from 'react'
import type { RoomMember } from '../../api/workshop'
import type { Send } from '../form-command'
import { FormFooter, MemberField, TextField, useCommandForm } from '../forms'
import { formLook } from './form-look'
import { mitigationCommand } from './pre-mortem-view'

/** Writing a risk's mitigation and choosing its owner. */
export function MitigationForm(props: {
  risk: RegisterEntry
  members: readonly RoomMember[]
  send: Send
  onDone: () => void
}) {
  const { risk } = props
  const [text, setText] = useState(risk.mitigation?.text ?? '')
  const [ownerId, setOwnerId] = useState(risk.mitigation?.ownerId ?? '')
  const form = useCommandForm(props.send)
  const id = useId()

  async function submit(event: FormEvent) {
    if (await form.submit(event, mitigationCommand(risk.id, text, ownerId))) props.onDone()
  }

  return (
    <form
      className="premortem-form"
      aria-label={`Mitigation for ${risk.name || 'the risk'}`}
      data-testid="premortem-mitigation-form"
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        id={`${id}-text`}
        label="Mitigation"
        testId="premortem-mitigation-input"
        value={text}
        maxLength={preMortemLimits.mitigation}
        rows={2}
        required
        onChange={setText}
      />
      <MemberField
        id={`${id}-owner`}
        label="Owner"
        testId="premortem-mitigation-owner"
        value={ownerId}
        members={props.members}
        currentName={risk.mitigation?.ownerName ?? 'Someone'}
        onChange={setOwnerId}
      />
      <FormFooter
        look={formLook}
        form={form}
        submitTestId="premortem-mitigation-save"
        onCancel={props.onDone}
      >
        Save
      </FormFooter>
    </form>
  )
}
