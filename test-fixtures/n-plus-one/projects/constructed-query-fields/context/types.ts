// valid
import type { RequestContext } from './request-context';

export type AppContext = RequestContext;
