// valid
import type { Types } from 'mongoose';
import Group, { type GroupDoc } from '../models/group';
import { ExternalGroup } from '../models/external-group';
import { Membership } from '../models/membership';

type Granted = GroupDoc & { _id: Types.ObjectId };

export async function applicableGroups(granted: Granted[]): Promise<GroupDoc[]> {
  return Group.findDescendantsOf(granted);
}

export async function memberCount(groups: Granted[], userId: Types.ObjectId): Promise<number> {
  return Membership.countInGroups(
    groups.map((group) => group._id),
    userId,
  );
}

export function labels(groups: Granted[], roles: string[]): string[] {
  return [...groups.map((group) => Group.displayName(group)), ...groups.map((group) => ExternalGroup.displayName(group)), ...roles.map((role) => Membership.roleLabel(role))];
}

export async function groupNames(ids: Types.ObjectId[]): Promise<string[]> {
  const groups = await Group.find({ _id: { $in: ids } });
  return groups.map((group) => group.name);
}
