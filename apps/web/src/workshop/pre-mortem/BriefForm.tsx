import { type PreMortemResult, preMortemLimits } from '@accord/templates'
import { type FormEvent, useId, useState } from 'react'
import type { RoomMember } from '../../api/workshop'
import type { Send } from '../form-command'
import { FormFooter, MemberField, TextField, useCommandForm } from '../forms'
import { formLook } from './form-look'
import { briefCommand } from './pre-mortem-view'

/** Recording the plan, what success looks like, and its owner (who shares first). */
export function BriefForm(props: {
  plan: PreMortemResult['plan']
  members: readonly RoomMember[]
  send: Send
  onDone: () => void
  onCancel: (() => void) | null
}) {
  const [statement, setStatement] = useState(props.plan?.statement ?? '')
  const [ownerId, setOwnerId] = useState(props.plan?.ownerId ?? '')
  const form = useCommandForm(props.send)
  const id = useId()

  async function submit(event: FormEvent) {
    if (await form.submit(event, briefCommand(statement, ownerId))) props.onDone()
  }

  return (
    <form
      className="premortem-form"
      aria-label="The plan"
      data-testid="premortem-brief-form"
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        id={`${id}-statement`}
        label="The plan, and what success looks like"
        testId="premortem-plan-input"
        value={statement}
        maxLength={preMortemLimits.statement}
        rows={3}
        required
        onChange={setStatement}
      />
      <MemberField
        id={`${id}-owner`}
        label="Plan owner (shares first)"
        testId="premortem-owner-input"
        value={ownerId}
        members={props.members}
        currentName={props.plan?.ownerName ?? 'Someone'}
        onChange={setOwnerId}
      />
      <FormFooter
        look={formLook}
        form={form}
        submitTestId="premortem-brief-save"
        onCancel={props.onCancel}
      >
        Save the plan
      </FormFooter>
    </form>
  )
}
