import { type Column, DataTable, StatusTag } from '../../../platform/views/data-display.tsx'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, DateField, Form, type Option, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationRow, PartyRow } from '../collaborations.repo.ts'
import { ConfirmForm, ConvenorTag, collaborationsCrumbs } from './parts.tsx'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

interface Props {
  collaboration: CollaborationRow
  parties: PartyRow[]
  organisations: Option[]
  values?: Values
  errors?: FieldError[]
}

/** The coordinator's page for the parties: who is in, who has left, add one, let one leave. */
export function PartiesPage({ collaboration: c, parties, organisations, values = {}, errors }: Props) {
  const { t } = usePage()
  const title = t('collaborations.parties.manageTitle', { name: c.shortName })
  const columns: Column<PartyRow>[] = [
    { key: 'name', label: t('collaborations.parties.party'), render: (p) => p.name },
    { key: 'kind', label: t('collaborations.parties.kind'), render: (p) => t(`organisations.kinds.${p.kind}`) },
    { key: 'role', label: t('collaborations.parties.role'), render: (p) => (p.isConvenor ? <ConvenorTag /> : t('collaborations.parties.member')) },
    { key: 'joined', label: t('collaborations.parties.joinedOn'), render: (p) => (p.joinedOn ? formatIsoDate(p.joinedOn) : '–') },
    {
      key: 'status',
      label: t('collaborations.parties.status'),
      render: (p) =>
        p.current ? (
          <StatusTag status="green" label={t('collaborations.parties.current')} />
        ) : (
          <StatusTag status="grey" label={t('collaborations.parties.left', { date: p.leftOn ? formatIsoDate(p.leftOn) : '' })} />
        ),
    },
    {
      key: 'actions',
      label: t('collaborations.parties.actions'),
      render: (p) =>
        p.current && p.organisationId !== c.organisationId ? (
          <ConfirmForm action={`/collaborations/${c.id}/parties/${p.id}/remove`} confirm={t('collaborations.parties.removeConfirm', { name: p.name })}>
            <button type="submit" class="button button--warning">
              {t('collaborations.parties.remove')}
              <span class="visually-hidden"> {p.name}</span>
            </button>
          </ConfirmForm>
        ) : (
          '–'
        ),
    },
  ]
  return (
    <Layout
      title={title}
      errors={errors}
      wide
      breadcrumbs={[...collaborationsCrumbs(t), { href: `/collaborations/${c.id}`, label: c.shortName }, { label: t('collaborations.parties.title') }]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('collaborations.parties.manageIntro')}</p>
      <DataTable caption={t('collaborations.parties.caption', { count: parties.filter((p) => p.current).length })} columns={columns} rows={parties} />
      <h2 class="heading-m">{t('collaborations.parties.addTitle')}</h2>
      <Form action={`/collaborations/${c.id}/parties`}>
        <Select
          name="organisationId"
          label={t('collaborations.parties.organisation')}
          placeholder={t('collaborations.parties.chooseOrganisation')}
          options={organisations}
          value={str(values.organisationId)}
          error={errorFor(errors, 'organisationId')}
        />
        <Checkboxes
          name="isConvenor"
          label={t('collaborations.parties.role')}
          options={[{ value: 'true', label: t('collaborations.parties.isConvenor') }]}
          values={values.isConvenor ? [str(values.isConvenor)!] : []}
          error={errorFor(errors, 'isConvenor')}
        />
        <DateField name="joinedOn" label={t('collaborations.parties.joinedOn')} value={str(values.joinedOn)} error={errorFor(errors, 'joinedOn')} />
        <Button>{t('collaborations.parties.add')}</Button>
      </Form>
      <p class="body">
        <a href={`/collaborations/${c.id}`}>{t('collaborations.back', { name: c.shortName })}</a>
      </p>
    </Layout>
  )
}
