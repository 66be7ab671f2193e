// valid
export const corePackages = ['@acme/core', '@acme/server', '@acme/admin', '@acme/renderer', '@acme/cli', '@acme/utils', '@acme/theme'] as const;

export const reportedVersions: string[] = [];
