// valid
import * as mongodb from 'mongodb';

export { mongodb };

export type ModuleInput = { db: mongodb.Db };
