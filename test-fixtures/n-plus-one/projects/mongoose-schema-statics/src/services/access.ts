import type { Types } from 'mongoose';
import Group, { type GroupDoc } from '../models/group';
import { ExternalGroup } from '../models/external-group';
import { Membership } from '../models/membership';

type Granted = GroupDoc & { _id: Types.ObjectId };

export async function applicableGroups(granted: Granted[]): Promise<GroupDoc[]> {
  const groups = await Promise.all(granted.map((group) => Group.findWithDescendants(group._id)));
//                                                        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  return groups.flat();
}

export async function applicableExternalGroups(granted: Granted[]): Promise<GroupDoc[]> {
  const groups = await Promise.all(granted.map((group) => ExternalGroup.findWithDescendants(group._id)));
//                                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  return groups.flat();
}

export async function memberCounts(groups: Granted[], userId: Types.ObjectId): Promise<number[]> {
  const counts: number[] = [];
  for (const group of groups) {
    counts.push(await Membership.countInGroups([group._id], userId));
//                    ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return counts;
}

export async function groupNames(ids: Types.ObjectId[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of ids) {
    const group = await Group.findById(id);
//                      ^^^^^^^^^^^^^^ n-plus-one
    if (group) names.push(group.name);
  }
  return names;
}
