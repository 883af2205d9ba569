import { ApiError } from '@accord/api'
import type { RecordRepository } from '@accord/db'
import { checkSupersedable } from '@accord/records'
import type { RevisitedDecision } from '@accord/templates'
import type { CredentialResolver } from '../credential.js'

/**
 * [rec:DR10] The settled decision a new disagree-and-commit revisits ("Revisit" on its record):
 * only for someone who facilitates the workshop it came from (their token proves it), as
 * superseding it on the record page is; only a record that can still be superseded.
 */
export async function revisitedDecision(
  services: { readonly records: RecordRepository; readonly resolveCredential: CredentialResolver },
  revisit: { readonly decisionId: string; readonly token: string },
): Promise<RevisitedDecision> {
  const record = /^DR-\d{1,9}$/.test(revisit.decisionId)
    ? await services.records.decision(revisit.decisionId)
    : null
  if (!record)
    throw new ApiError(404, 'decision_not_found', `no decision record ${revisit.decisionId}`)
  const credential = record.source.roomId
    ? await services.resolveCredential(record.source.roomId, revisit.token)
    : null
  if (credential?.role !== 'facilitator') {
    throw new ApiError(
      403,
      'forbidden',
      `revisit: only a facilitator of the workshop ${record.id} came from can revisit it`,
    )
  }
  const supersedable = checkSupersedable(record)
  if (!supersedable.ok) throw new ApiError(409, 'refused', `revisit: ${supersedable.error}`)
  return {
    id: record.id,
    title: record.title,
    date: record.date,
    draft: {
      title: record.title,
      context: record.context,
      options: record.options.map(({ title, pros, cons }) => ({ title, pros, cons })),
      drivers: [...record.drivers],
      informed: [...record.informed],
      tags: [...record.tags],
    },
  }
}
