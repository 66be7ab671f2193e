// valid
import { Model } from 'objection';

/** The base of every model of the service. */
export class AppModel extends Model {
  static get useLimitInFirst() {
    return true;
  }
}
