// valid
import mongoose, { Schema } from 'mongoose';
import Group from './group';

const externalGroupSchema = new Schema({
  name: { type: String, required: true },
  provider: { type: String, enum: ['ldap', 'keycloak'] },
  parent: { type: Schema.Types.ObjectId, ref: 'ExternalGroup' },
});

// An external group tree is walked as a local one is.
externalGroupSchema.statics = {
  findWithDescendants: Group.findWithDescendants,
  displayName: Group.displayName,
};

export const ExternalGroup = mongoose.model('ExternalGroup', externalGroupSchema);
