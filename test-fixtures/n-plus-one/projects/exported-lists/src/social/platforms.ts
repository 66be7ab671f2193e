// valid
export const PLATFORMS = ['website', 'youtube', 'twitter', 'linkedin', 'instagram', 'tiktok'] as const;

export const platformLabels = {
  website: 'Website',
  youtube: 'YouTube',
} satisfies Record<string, string>;
