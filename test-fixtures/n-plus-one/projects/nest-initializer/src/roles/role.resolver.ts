// valid
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RoleService } from './role.service';

@Resolver()
export class RoleResolver {
  constructor(private readonly roleService: RoleService) {}

  @Mutation()
  async restoreRoleDefaults(@Args('codes') codes: string[]) {
    await this.roleService.restoreDefaults(codes);
    return true;
  }
}
