// A look-up kept in a module's record, keyed by its argument: the query runs once per key in the process, not once per call.
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

type ServiceInfo = { address: string; config: Record<string, unknown> };
const serviceInfoCache: { [name: string]: Readonly<ServiceInfo> } = {};

export async function serviceInfo(name: string): Promise<Readonly<ServiceInfo>> {
  if (serviceInfoCache[name]) {
    return serviceInfoCache[name];
  }
  const address = (await redis.get(`service:${name}:address`)) ?? '';
  const config = JSON.parse((await redis.get(`service:${name}:config`)) ?? '{}');
  serviceInfoCache[name] = Object.freeze({ address, config });
  return serviceInfoCache[name];
}

const enabledServices: Record<string, boolean> = {};

async function enabledAddress(name: string): Promise<string> {
  if (!enabledServices[name]) throw new Error(`${name} is not enabled`);
  return (await redis.get(`service:${name}:address`)) ?? '';
}

export async function addressesOf(names: string[]) {
  const addresses: string[] = [];
  for (const name of names) {
    const info = await serviceInfo(name);
//               ^^^^^ await-in-loop
    addresses.push(info.address);
  }
  return addresses;
}

export async function enabledAddressesOf(names: string[]) {
  const addresses: string[] = [];
  for (const name of names) addresses.push(await enabledAddress(name));
//                                               ^^^^^^^^^^^^^^ n-plus-one
  return addresses;
}
