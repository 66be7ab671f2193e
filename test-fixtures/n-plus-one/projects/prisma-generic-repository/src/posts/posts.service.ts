import { Injectable } from '@nestjs/common';
import { IntegrationRepository } from '../integrations/integration.repository';

interface QueuedPost {
  id: string;
  integrationId: string;
}

@Injectable()
export class PostsService {
  constructor(private readonly integrationRepository: IntegrationRepository) {}

  async withIntegrations(organizationId: string, posts: QueuedPost[]) {
    return Promise.all(
      posts.map(async (post) => ({
        ...post,
        integration: await this.integrationRepository.getById(organizationId, post.integrationId),
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      })),
    );
  }
}
