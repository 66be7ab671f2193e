// Plugins the application registered at start (a field of the instance that runs them), next to plugins that a
// marketplace listing returns, which grow with the data.
interface Plugin {
  name: string;
  init(): Promise<void>;
}

interface Listing {
  plugins: { name: string; url: string }[];
}

declare function download(url: string): Promise<Buffer>;
declare function fetchListing(query: string): Promise<Listing>;

export class PluginHost {
  private readonly activePlugins: Plugin[] = [];
  private readonly loadedPlugins = new Set<Plugin>();

  register(plugin: Plugin): void {
    this.activePlugins.push(plugin);
    this.loadedPlugins.add(plugin);
  }

  async start(): Promise<void> {
    await Promise.all(this.activePlugins.map((plugin) => plugin.init()));
  }

  async restart(): Promise<void> {
    await Promise.all(Array.from(this.loadedPlugins).map((plugin) => plugin.init()));
  }

  async mirror(query: string): Promise<Buffer[]> {
    const listing = await fetchListing(query);
    return Promise.all(listing.plugins.map((plugin) => download(plugin.url)));
    //     ^^^^^^^^^^^ unbounded-promise-all
  }
}
