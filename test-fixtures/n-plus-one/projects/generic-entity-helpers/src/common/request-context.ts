// valid
import type { EntityManager } from 'typeorm';

export class RequestContext {
  manager?: EntityManager;
  storeId = 1;
}
