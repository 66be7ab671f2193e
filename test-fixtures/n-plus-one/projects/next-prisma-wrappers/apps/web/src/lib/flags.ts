// valid
import { FeatureFlags } from '@notes/db';

const globalForFlags = globalThis as unknown as { flags?: FeatureFlags };

export const flags = globalForFlags.flags ?? new FeatureFlags();
