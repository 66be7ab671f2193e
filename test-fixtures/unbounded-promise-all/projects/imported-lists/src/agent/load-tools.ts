import { registeredTools, toolList } from '@app/tools/tool-list';

declare const container: { get<T>(type: new () => T): T };
declare function install(name: string): Promise<void>;

/** One call per tool the list names. */
export async function describeTools(): Promise<string[]> {
  return Promise.all(toolList.map((type) => container.get(type)).map(async (tool) => tool.describe()));
}

/** One call per tool the registry returned. */
export async function installRegistered(): Promise<void> {
  await Promise.all(registeredTools.map((name) => install(name)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
