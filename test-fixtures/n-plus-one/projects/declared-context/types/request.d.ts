// valid
import type { ServiceContext } from '../src/context';

export type ReqContext = ServiceContext;
