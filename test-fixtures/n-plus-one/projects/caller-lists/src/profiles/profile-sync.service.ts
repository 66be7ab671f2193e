// The job processor hands syncProfiles the one profile of its job: the loop upserts once.
// refreshListings is also handed every listing a query returns, and is reported.
import { Injectable } from '@nestjs/common';
import { prisma } from '../db';

interface ProfileInput {
  symbol: string;
  name: string;
}

@Injectable()
export class ProfileSyncService {
  async syncProfiles(profiles: ProfileInput[]) {
    for (const profile of profiles) {
      await prisma.profile.upsert({ where: { symbol: profile.symbol }, create: profile, update: { name: profile.name } });
    }
  }

  async refreshListings(listings: ProfileInput[]) {
    for (const listing of listings) {
      await prisma.listing.update({ where: { symbol: listing.symbol }, data: { name: listing.name } });
      //    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async refreshAllListings() {
    await this.refreshListings(await prisma.listing.findMany());
  }
}
