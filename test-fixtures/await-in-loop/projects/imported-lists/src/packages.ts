// valid
export const corePackages = ['@acme/core', '@acme/server', '@acme/admin', '@acme/renderer', '@acme/cli', '@acme/utils', '@acme/theme'] as const;

export const reportedVersions: string[] = [];

export const registries = { npm: 'https://registry.npmjs.org', mirror: 'https://mirror.example.com' };

export const pinnedRegistries: Record<string, string> = {};
