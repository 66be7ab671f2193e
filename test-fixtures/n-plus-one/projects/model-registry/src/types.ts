// valid
import type { RequestContext } from './context';

export type JobContext = RequestContext;
