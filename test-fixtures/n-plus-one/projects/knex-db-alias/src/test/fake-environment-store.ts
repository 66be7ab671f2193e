// valid
import type { IEnvironment, IEnvironmentStore } from '../stores/environment-store-type.js';

export default class FakeEnvironmentStore implements IEnvironmentStore {
  environments: IEnvironment[] = [];

  async get(name: string): Promise<IEnvironment | undefined> {
    return this.environments.find((environment) => environment.name === name);
  }

  async updateSortOrder(name: string, sortOrder: number): Promise<void> {
    const found = this.environments.find((environment) => environment.name === name);
    if (found) found.sortOrder = sortOrder;
  }
}
