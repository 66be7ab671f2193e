// Lists the application wires up, helpers whose callers hold the bound, plugins loaded at boot;
// next to them, lists that grow with the data.
import { Inject, Injectable } from '@nestjs/common';

interface MetricsExporter {
  record(name: string, value: number): Promise<void>;
}

interface Quote {
  symbol: string;
  price: number;
}

declare function fetchQuote(symbol: string): Promise<Quote>;
declare function importPlugin(path: string): Promise<unknown>;
declare function lookup(provider: string, query: string): Promise<Quote[]>;
declare function enabledDataProviders(): string[];

@Injectable()
export class MetricsService {
  constructor(
    @Inject('MetricsExporters') private readonly exporters: MetricsExporter[],
    private readonly symbols: string[],
  ) {}

  async record(name: string, value: number): Promise<void> {
    await Promise.all(this.exporters.map((exporter) => exporter.record(name, value)));
  }

  async quotes(): Promise<Quote[]> {
    return Promise.all(this.symbols.map((symbol) => fetchQuote(symbol)));
//         ^^^^^^^^^^^ unbounded-promise-all
  }
}

/** Asks each data provider the application is configured with. */
export async function search(query: string): Promise<Quote[][]> {
  const dataProviders = enabledDataProviders();
  const results: Promise<Quote[]>[] = [];
  for (const provider of dataProviders) {
    results.push(lookup(provider, query));
  }
  return Promise.all(results);
}

/** Keeps the items the predicate accepts; how many there are is the caller's business. */
export async function filterAsync<T>(items: T[], predicate: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept = await Promise.all(items.map((item) => predicate(item)));
  return items.filter((_, index) => kept[index]);
}

/** Same helper shape, but the work is a fixed remote call per item. */
export async function quotesFor(symbols: string[]): Promise<Quote[]> {
  return Promise.all(symbols.map((symbol) => fetchQuote(symbol)));
//       ^^^^^^^^^^^ unbounded-promise-all
}

export class PluginRegistry {
  private static loaded = false;

  static async loadPlugins(paths: string[]): Promise<void> {
    if (this.loaded) return;
    await Promise.all(paths.map((path) => importPlugin(path)));
    this.loaded = true;
  }
}

/** Handlers the application registered, and channels closed once while it shuts down. */
export class Lifecycle {
  private readonly shutdownHandlers: Array<() => Promise<void>> = [];
  private readonly channels: Array<{ close(): Promise<void>; flush(): Promise<void> }> = [];

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.close()));
  }

  async run(): Promise<void> {
    await Promise.allSettled(this.shutdownHandlers.map((handler) => handler()));
  }

  async flushAll(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.flush()));
    //    ^^^^^^^^^^^ unbounded-promise-all
  }
}

interface Strategy {
  id: string;
  name: string;
}

interface FeatureEnvironment {
  name: string;
  strategies: Strategy[];
}

declare function copyStrategy(strategy: Strategy, environment: string): Promise<void>;
declare function loadStrategies(feature: string): Promise<Strategy[]>;
declare function loadEnvironment(id: string): Promise<FeatureEnvironment>;

/** The strategies the application registers: as many as its code names. */
export class StrategyEvaluator {
  constructor(private readonly strategies: Strategy[]) {}

  async warmUp(environment: string): Promise<void> {
    await Promise.all(this.strategies.map((strategy) => copyStrategy(strategy, environment)));
  }

  /** A feature's strategies are its data: as many as its users added. */
  async cloneAll(environments: FeatureEnvironment[]): Promise<void> {
    for (const environment of environments) {
      await Promise.all(environment.strategies.map((strategy) => copyStrategy(strategy, environment.name)));
//          ^^^^^^^^^^^ unbounded-promise-all
    }
  }

  async cloneLoaded(feature: string, environment: string): Promise<void> {
    const strategies = await loadStrategies(feature);
    await Promise.all(strategies.map((strategy) => copyStrategy(strategy, environment)));
//        ^^^^^^^^^^^ unbounded-promise-all
  }

  /** The strategies of one environment fetched by its id are that environment's parts, as a row's lists are. */
  async cloneOne(id: string): Promise<void> {
    const environment = await loadEnvironment(id);
    const { strategies } = environment;
    await Promise.all(strategies.map((strategy) => copyStrategy(strategy, environment.name)));
  }
}
