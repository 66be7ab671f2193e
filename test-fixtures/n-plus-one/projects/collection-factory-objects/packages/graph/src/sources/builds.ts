// valid
import { DataSource } from 'apollo-datasource';
import { Store } from '@dashboard/storage';

export class BuildsAPI extends DataSource {
  getBuild(buildId: string) {
    return Store.builds().findOne({ buildId });
  }

  async removeSpecs(buildId: string) {
    await Store.specs().deleteMany({ buildId });
  }

  async archiveSpecs(buildId: string) {
    await Store.specs().updateMany({ buildId, archived: false }, { $set: { archived: true } });
  }

  label(buildId: string) {
    return `build ${buildId}`;
  }
}
