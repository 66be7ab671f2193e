import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '../roles/role.entity';

@Injectable()
export class ChannelService {
  constructor(@InjectRepository(Role) private readonly roles: Repository<Role>) {}

  /** No other class calls it: nothing says it runs only at boot. */
  async ensureChannelRoles(codes: string[]) {
    for (const code of codes) {
      await this.roles.insert({ code, permissions: [] });
//          ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
