// valid
import type { ReqContext } from './request';

export type ApiReqContext = ReqContext;

export interface ApiLocals {
  context: ApiReqContext;
  requestId: string;
}
