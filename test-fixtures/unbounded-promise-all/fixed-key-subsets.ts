// lodash's omit and pick keep some keys of the object handed first: of an enum or a table the code writes, a few the
// code names. A spread of an object from input brings its keys along, however many the input has.
import { omit, pick } from 'lodash';

enum Feature {
  Billing = 'billing',
  Exports = 'exports',
  Webhooks = 'webhooks',
  Sso = 'sso',
  AuditLog = 'auditLog',
  All = 'all',
}

const DEFAULT_LIMITS = { projects: 3, members: 5, webhooks: 10, exports: 2, storageGb: 1, seats: 1 };

declare function featureAccess(accountId: string, feature: string): Promise<boolean>;
declare function saveLimit(accountId: string, name: string, value: number): Promise<void>;

export async function accessOf(accountId: string): Promise<boolean[]> {
  return Promise.all(Object.keys(omit(Feature, Feature.All)).map((feature) => featureAccess(accountId, feature)));
}

export async function saveDefaults(accountId: string): Promise<void> {
  await Promise.all(Object.entries(pick(DEFAULT_LIMITS, ['projects', 'members'])).map(([name, value]) => saveLimit(accountId, name, value)));
  await Promise.all(Object.entries({ ...DEFAULT_LIMITS, seats: 2 }).map(([name, value]) => saveLimit(accountId, name, value)));
}

export async function saveLimits(accountId: string, requested: Record<string, number>): Promise<void> {
  await Promise.all(Object.entries(omit(requested, 'seats')).map(([name, value]) => saveLimit(accountId, name, value)));
  //    ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(Object.entries({ ...requested, seats: 1 }).map(([name, value]) => saveLimit(accountId, name, value)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
