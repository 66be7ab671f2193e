// Lists parsed from the deployment's settings (an environment variable, or a constant the config module exports): as many
// items as the operator wrote there. A list parsed from a request is data, and is reported.
import { DEFAULT_TEAM_CHANNELS } from './settings';

interface ChannelConfig {
  name: string;
  url: string;
}

declare function safeParseJson(text: string | undefined): unknown;
declare function createChannel(teamId: string, config: ChannelConfig): Promise<{ id: string }>;
declare function subscribeFeed(teamId: string, url: string): Promise<void>;

export async function provisionTeam(teamId: string): Promise<string[]> {
  const configured = safeParseJson(DEFAULT_TEAM_CHANNELS);
  if (!Array.isArray(configured)) return [];
  const ids: string[] = [];
  for (const config of configured as ChannelConfig[]) {
    const channel = await createChannel(teamId, config);
    ids.push(channel.id);
  }
  return ids;
}

export async function subscribeConfiguredFeeds(teamId: string): Promise<void> {
  const urls: string[] = JSON.parse(process.env.DEFAULT_FEEDS ?? '[]');
  for (const url of urls) {
    await subscribeFeed(teamId, url);
  }
}

export async function subscribeFallbackFeeds(teamId: string): Promise<void> {
  for (const url of (process.env.FALLBACK_FEEDS ?? '').split(',')) {
    await subscribeFeed(teamId, url);
  }
}

export async function importChannels(teamId: string, body: string): Promise<void> {
  const channels: ChannelConfig[] = JSON.parse(body);
  for (const config of channels) {
    await createChannel(teamId, config);
//  ^^^^^ await-in-loop
  }
}
