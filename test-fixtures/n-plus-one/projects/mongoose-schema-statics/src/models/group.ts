import { Schema, type Model, type Types } from 'mongoose';
import { getOrCreateModel } from '../lib/models';

export interface GroupDoc {
  name: string;
  parent?: Types.ObjectId;
}

interface GroupModel extends Model<GroupDoc> {
  findWithDescendants(id: Types.ObjectId): Promise<GroupDoc[]>;
  findDescendantsOf(groups: GroupDoc[]): Promise<GroupDoc[]>;
  removeTree(id: Types.ObjectId): Promise<number>;
  displayName(group: GroupDoc): string;
}

const groupSchema = new Schema<GroupDoc, GroupModel>({
  name: { type: String, required: true },
  parent: { type: Schema.Types.ObjectId, ref: 'Group', index: true },
});

groupSchema.statics.findDescendantsOf = async function (groups: GroupDoc[], found: GroupDoc[] = groups): Promise<GroupDoc[]> {
  const children = await this.find({ parent: { $in: groups.map((group) => (group as GroupDoc & { _id: Types.ObjectId })._id) } });
  if (children.length === 0) return found;
  return this.findDescendantsOf(children, found.concat(children));
};

groupSchema.statics.findWithDescendants = async function (id: Types.ObjectId): Promise<GroupDoc[]> {
  const root = await this.findOne({ _id: id });
  return root ? this.findDescendantsOf([root]) : [];
};

groupSchema.static('removeTree', async function (id: Types.ObjectId): Promise<number> {
  const children = await this.find({ parent: id });
  const removed = await Promise.all(children.map((child) => this.removeTree(child._id)));
  //                                                        ^^^^^^^^^^^^^^^ n-plus-one
  await this.deleteOne({ _id: id });
  return removed.reduce((sum, count) => sum + count, 1);
});

groupSchema.statics.displayName = function (group: GroupDoc): string {
  return group.parent ? `${group.name} (subgroup)` : group.name;
};

export default getOrCreateModel<GroupDoc, GroupModel>('Group', groupSchema);
