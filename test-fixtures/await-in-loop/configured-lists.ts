// Lists the code or the deployment sets up run a few turns: a class field written out as a literal (a `Map`, a `Set`,
// an array), a list of the options the instance was made with, and a module's registry given keys written in the code.
// A field or registry filled from data, or options a method is handed, hold as many items as the data.
interface PublishOptions {
  relays: string[];
}

declare function post(url: string, body: string): Promise<void>;

const probes: Record<string, string> = {};
probes['primary'] = 'https://primary.example.com/health';
probes['replica'] = 'https://replica.example.com/health';

const hooks: Record<string, string> = {};

export function addHook(name: string, url: string): void {
  hooks[name] = url;
}

export async function checkProbes(): Promise<void> {
  for (const name of Object.keys(probes)) {
    await post(probes[name]!, 'ping');
  }
}

export async function callHooks(event: string): Promise<void> {
  for (const name of Object.keys(hooks)) {
    await post(hooks[name]!, event);
//  ^^^^^ await-in-loop
  }
}

export class Publisher {
  private readonly mirrors = new Map<string, string>([
    ['eu', 'https://eu.example.com'],
    ['us', 'https://us.example.com'],
  ]);

  private targets: string[] = ['https://archive.example.com'];

  constructor(private readonly options: PublishOptions) {}

  retarget(urls: string[]): void {
    this.targets = urls;
  }

  async publish(text: string): Promise<void> {
    for (const relay of this.options.relays) {
      await post(relay, text);
    }
    for (const region of this.mirrors.keys()) {
      await post(this.mirrors.get(region)!, text);
    }
  }

  async archive(text: string, options: PublishOptions): Promise<void> {
    for (const target of this.targets) {
      await post(target, text);
//    ^^^^^ await-in-loop
    }
    for (const relay of options.relays) {
      await post(relay, text);
//    ^^^^^ await-in-loop
    }
  }
}
