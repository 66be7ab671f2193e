import { difference } from 'lodash-es';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export class FeatureConfig {
  constructor(protected readonly selfHosted: boolean) {}

  /** The features an administrator may switch: a few, written here. */
  async availableFeatures(): Promise<string[]> {
    return this.selfHosted ? ['admin', 'unlimited_copilot'] : ['early_access', 'ai_early_access', 'admin'];
  }
}

export class FeatureAdmin extends FeatureConfig {
  /** Switches on the features asked for and off the others an administrator may switch. */
  async updateUserFeatures(userId: string, features: string[]): Promise<string[]> {
    const configurable = await this.availableFeatures();
    const removed = difference(configurable, features);
    await Promise.all(removed.map((feature) => prisma.userFeature.updateMany({ where: { userId, feature }, data: { activated: false } })));
    await Promise.all(features.map((feature) => prisma.userFeature.create({ data: { userId, feature } })));
    //                                          ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    return features;
  }
}
