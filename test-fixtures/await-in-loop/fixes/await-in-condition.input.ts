interface Role {
  id: string;
  channelIds: string[];
}

declare function isVisibleTo(userId: string, role: Role): Promise<boolean>;

export async function visibleRoleIds(userId: string, roles: Role[]): Promise<string[]> {
  const visible: string[] = [];
  for (const role of roles) {
    if (await isVisibleTo(userId, role)) {
      visible.push(role.id);
    }
  }
  return visible;
}
