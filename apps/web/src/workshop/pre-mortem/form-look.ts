import type { FormLook } from '../forms'

/** How the pre-mortem panel's forms are marked. */
export const formLook: FormLook = {
  errorClassName: 'premortem-error',
  errorTestId: 'premortem-form-error',
  actionsClassName: 'premortem-form__actions',
}
