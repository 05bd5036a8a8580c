import { DomainError } from '../../platform/http/errors.ts'

/** The municipality chosen is not one of the länsstyrelse's county. */
export class MunicipalityNotInCounty extends DomainError {
  constructor() {
    super('municipality_not_in_county', 'supportActivities.errors.municipalityNotInCounty', 422, 'municipalityId')
  }
}
