// valid
import mongoose, { Schema, type Types } from 'mongoose';

const membershipSchema = new Schema(
  {
    group: { type: Schema.Types.ObjectId, ref: 'Group', required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  {
    statics: {
      countInGroups(groupIds: Types.ObjectId[], userId: Types.ObjectId) {
        return this.countDocuments({ group: { $in: groupIds }, user: userId });
      },
      roleLabel(role: string) {
        return role === 'owner' ? 'Owner' : 'Member';
      },
    },
  },
);

export const Membership = mongoose.models.Membership || mongoose.model('Membership', membershipSchema);
