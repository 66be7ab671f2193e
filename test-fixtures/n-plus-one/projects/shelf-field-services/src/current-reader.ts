// valid
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

export const CurrentReader = createParamDecorator((_data: unknown, ctx: ExecutionContext) => ctx.getArgByIndex(2).req.user);
