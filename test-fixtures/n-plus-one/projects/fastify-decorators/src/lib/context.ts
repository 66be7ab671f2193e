// valid
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface HttpContext {
  server: FastifyInstance;
  req: FastifyRequest;
  res: FastifyReply;
}
interface AccountContext extends HttpContext {
  accountId: string;
}

export type { HttpContext, AccountContext };
