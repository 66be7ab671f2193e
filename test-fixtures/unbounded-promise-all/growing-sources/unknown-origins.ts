// valid: lists whose source is not shown to grow with the input are left alone by default
declare const tmdb: { genres(): Promise<{ genres: Array<{ id: number }> }>; discover(genreId: number): Promise<unknown> };
declare const settings: { servers: Array<{ url: string }> };
declare function ping(url: string): Promise<boolean>;
declare function deliver(url: string, body: unknown): Promise<void>;

interface Widget {
  integrations: Array<{ id: string; url: string }>;
}

export async function discoverByGenre(): Promise<unknown[]> {
  const { genres } = await tmdb.genres();
  return Promise.all(genres.map((genre) => tmdb.discover(genre.id)));
}

export async function probeServers(): Promise<boolean[]> {
  return Promise.all(settings.servers.map((server) => ping(server.url)));
}

export async function refreshWidget(widget: Widget): Promise<boolean[]> {
  return Promise.all(widget.integrations.map((integration) => ping(integration.url)));
}

export async function fanOut(urls: string[], body: unknown): Promise<void> {
  await Promise.all(urls.map((url) => deliver(url, body)));
}
