import type { FormLook } from '../forms'

/** How the disagree-and-commit panel's forms are marked. */
export const formLook: FormLook = {
  errorClassName: 'decision-error',
  errorTestId: 'decision-form-error',
  actionsClassName: 'decision-form__actions',
}
