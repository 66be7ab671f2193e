import { ActorService } from './actor.service';

export class ProfileService {
  constructor(private readonly actors: ActorService) {}

  async handles(dids: string[]) {
    return Promise.all(dids.map((did) => this.actors.handle(did)));
//                                       ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
