// valid
import type { EntityManager } from 'typeorm';

export class RequestContext {
  transactionManager?: EntityManager;
  channelId = 1;
}
