// valid
import { Model } from './Model';

class ParanoidModel extends Model {
  restoreLater() {
    return this;
  }
}

export default ParanoidModel;
