// valid
import { Injectable } from '@nestjs/common';
import { ProfileSyncService } from './profile-sync.service';

interface Job<T> {
  data: T;
}

@Injectable()
export class ProfileProcessor {
  constructor(private readonly profileSync: ProfileSyncService) {}

  async handleProfile(job: Job<{ symbol: string; name: string }>) {
    await this.profileSync.syncProfiles([job.data]);
    await this.profileSync.refreshListings([job.data]);
  }
}
