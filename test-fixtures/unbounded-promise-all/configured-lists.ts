// A list the instance was configured with (`this.options.replicas`, a constructor's `options.groups`) holds as many items as its deployer wrote.
interface ReplicaOptions {
  host: string;
}

interface ClusterOptions {
  primary: ReplicaOptions;
  replication: { replicas: ReplicaOptions[] };
  jobs: Record<string, { cron?: string }>;
  groups: Array<{ name: string }>;
}

declare function connect(options: ReplicaOptions): Promise<{ close(): Promise<void> }>;
declare function schedule(name: string, cron: string): Promise<void>;
declare function limitOf(group: { name: string }): Promise<number>;
declare function ping(host: string): Promise<boolean>;

export class Cluster {
  private readonly groups: Array<{ name: string }>;

  constructor(private readonly options: ClusterOptions) {
    this.groups = options.groups;
  }

  async connectReplicas() {
    return Promise.all(this.options.replication.replicas.map((replica) => connect(replica)));
  }

  async scheduleJobs() {
    const cronJobs = Object.entries(this.options.jobs).filter(([, job]) => job.cron);
    await Promise.all(cronJobs.map(([name, job]) => schedule(name, job.cron!)));
  }

  async limits() {
    return Promise.all(this.groups.map((group) => limitOf(group)));
  }

  // A request's options are its input, as many as the caller sends.
  async pingAll(options: { hosts: string[] }) {
    return Promise.all(options.hosts.map((host) => ping(host)));
    //     ^^^^^^^^^^^ unbounded-promise-all
  }
}

export async function pingHosts(config: { hosts: string[] }) {
  await Promise.all(config.hosts.map((host) => ping(host)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
