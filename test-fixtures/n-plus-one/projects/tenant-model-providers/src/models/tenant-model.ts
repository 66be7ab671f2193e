// valid
import * as R from 'ramda';
import { BaseModel } from './base-model';
import { Auditable, Searchable } from './mixins';

const TenantModelBase = R.pipe(Searchable, Auditable)(BaseModel);

export class TenantModel extends TenantModelBase {}

/** Each request's tenant gets its own bound model class. */
export type ModelProvider<T> = () => T;
