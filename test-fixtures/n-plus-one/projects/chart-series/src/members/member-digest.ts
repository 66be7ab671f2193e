import { db } from '../db';

interface Member {
  id: string;
  email: string;
}

export class MemberDigest {
  constructor(private readonly workspaceId: string) {}

  private async digestLine(member: Member, workspaceId: string) {
    const settings = await db.workspaceSettings.findUnique({ where: { workspaceId } });
    return `${member.email}: ${settings?.digest ?? 'weekly'}`;
  }

  private async memberSettings(member: Member) {
    return db.memberSettings.findUnique({ where: { memberId: member.id } });
  }

  // The member only shapes the line; the query reads the workspace's settings, the same for every member: work to hoist, not a query per member, yet awaited once per member.
  async render(members: Member[]): Promise<string[]> {
    const lines: string[] = [];
    for (const member of members) {
      lines.push(await this.digestLine(member, this.workspaceId));
//               ^^^^^ await-in-loop
    }
    return lines;
  }

  async renderPersonal(members: Member[]): Promise<string[]> {
    const lines: string[] = [];
    for (const member of members) {
      const settings = await this.memberSettings(member);
//                           ^^^^^^^^^^^^^^^^^^^ n-plus-one
      lines.push(`${member.email}: ${settings?.digest ?? 'weekly'}`);
    }
    return lines;
  }
}
