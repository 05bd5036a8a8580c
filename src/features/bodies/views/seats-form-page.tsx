import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, type Option, Radios, Select } from '../../../platform/views/form-controls.tsx'
import { SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { SEAT_LEVELS, SEAT_MEMBERSHIPS, SEAT_ROLES } from '../bodies.tables.ts'
import type { SeatRow } from '../seats.repo.ts'
import { type FormValues, bodyCrumbs, str } from './seats-parts.tsx'

interface SeatFormProps {
  body: { id: string; name: string; collaborationId: string }
  parties: Option[]
  values?: FormValues
  errors?: FieldError[]
}

/** The terms of a seat, shared by the new and the edit form. */
function SeatTerms({ parties, values = {}, errors }: Omit<SeatFormProps, 'body'>) {
  const { t } = usePage()
  return (
    <>
      <Select
        name="organisationId"
        label={t('seats.fields.party')}
        hint={t('seats.fields.partyHint')}
        value={str(values.organisationId)}
        placeholder={t('seats.chooseParty')}
        options={parties}
        error={errorFor(errors, 'organisationId')}
      />
      <Select
        name="role"
        label={t('seats.fields.role')}
        value={str(values.role) ?? 'member'}
        options={SEAT_ROLES.map((r) => ({ value: r, label: t(`seats.roles.${r}`) }))}
        error={errorFor(errors, 'role')}
      />
      <Radios
        name="level"
        label={t('seats.fields.level')}
        value={str(values.level)}
        options={SEAT_LEVELS.map((l) => ({ value: l, label: t(`seats.levels.${l}`) }))}
        error={errorFor(errors, 'level')}
      />
      <Radios
        name="membership"
        label={t('seats.fields.membership')}
        value={str(values.membership) ?? 'ordinary'}
        options={SEAT_MEMBERSHIPS.map((m) => ({ value: m, label: t(`seats.memberships.${m}`) }))}
        error={errorFor(errors, 'membership')}
      />
      <DateField name="validFrom" label={t('seats.fields.validFrom')} value={str(values.validFrom)} error={errorFor(errors, 'validFrom')} />
      <DateField
        name="validTo"
        label={t('seats.fields.validTo')}
        hint={t('seats.fields.validToHint')}
        value={str(values.validTo)}
        error={errorFor(errors, 'validTo')}
      />
      <Select
        name="visibility"
        label={t('seats.fields.visibility')}
        hint={t('seats.fields.visibilityHint')}
        value={str(values.visibility) ?? ''}
        options={[
          { value: '', label: t('seats.visibility.default') },
          ...(['public', 'partners', 'organisation'] as const).map((v) => ({ value: v, label: t(`seats.visibility.${v}`) })),
        ]}
        error={errorFor(errors, 'visibility')}
      />
    </>
  )
}

export function NewSeatPage({ body, parties, people, values = {}, errors }: SeatFormProps & { people: Option[] }) {
  const { t } = usePage()
  const title = t('seats.new.title', { body: body.name })
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[...bodyCrumbs(t, body), { href: `/bodies/${body.id}/seats`, label: t('seats.crumbs.seats') }, { label: title }]}
    >
      <h1 class="heading-l">{title}</h1>
      {people.length === 0 && (
        <p class="inset">
          {t('seats.new.noPeople')} <a href={`/collaborations/${body.collaborationId}/people/new`}>{t('people.add')}</a>
        </p>
      )}
      <Form action={`/bodies/${body.id}/seats/new`}>
        <Select
          name="personId"
          label={t('seats.fields.person')}
          hint={t('seats.fields.personHint')}
          value={str(values.personId)}
          placeholder={t('seats.choosePerson')}
          options={people}
          error={errorFor(errors, 'personId')}
        />
        <SeatTerms parties={parties} values={values} errors={errors} />
        <div class="button-group">
          <Button>{t('seats.new.submit')}</Button>
          <a href={`/bodies/${body.id}/seats`}>{t('seats.new.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}

/** Edit the terms, or end the seat: two forms, each with the version the page was rendered from. */
export function EditSeatPage({ body, seat, parties, values, endValues = {}, errors }: SeatFormProps & { seat: SeatRow; endValues?: FormValues }) {
  const { t } = usePage()
  const title = t('seats.editPage.title', { person: seat.personName })
  const v: FormValues = values ?? {
    organisationId: seat.organisationId,
    role: seat.role,
    level: seat.level,
    membership: seat.membership,
    validFrom: seat.validFrom,
    validTo: seat.validTo ?? '',
    visibility: seat.visibility,
  }
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[...bodyCrumbs(t, body), { href: `/bodies/${body.id}/seats`, label: t('seats.crumbs.seats') }, { label: title }]}
    >
      <h1 class="heading-l">{title}</h1>
      <SummaryList rows={[{ key: t('seats.fields.person'), value: seat.personTitle ? `${seat.personName}, ${seat.personTitle}` : seat.personName }]} />
      <Form action={`/seats/${seat.id}/edit`}>
        <input type="hidden" name="version" value={String(seat.version)} />
        <SeatTerms parties={parties} values={v} errors={errors} />
        <div class="button-group">
          <Button>{t('seats.editPage.submit')}</Button>
          <a href={`/bodies/${body.id}/seats`}>{t('seats.new.cancel')}</a>
        </div>
      </Form>
      <h2 class="heading-m">{t('seats.end.heading')}</h2>
      <p class="body">{t('seats.end.body')}</p>
      <Form action={`/seats/${seat.id}/end`}>
        <input type="hidden" name="version" value={String(seat.version)} />
        <DateField name="endedOn" label={t('seats.end.endedOn')} value={str(endValues.endedOn)} error={errorFor(errors, 'endedOn')} />
        <Button variant="warning">{t('seats.end.submit')}</Button>
      </Form>
    </Layout>
  )
}
