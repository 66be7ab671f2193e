// A loop whose Promise.all holds one query per item beside other work: the query is the n-plus-one finding, and the await that
// holds it is no await-in-loop finding of its own. A Promise.all of the item's other work alone is still an await-in-loop.
import { BaseEntity, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Suspension extends BaseEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column() workspaceId!: string;
  @Column() userId!: string;
}

declare function removeMembership(userId: string, workspaceId: string): Promise<void>;
declare function publish(event: { type: string; userId: string }): Promise<void>;
declare function revokeSessions(userId: string): Promise<number>;

export async function suspendAll(workspaceId: string, userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    const suspension = Suspension.create({ workspaceId, userId });
    await Promise.all([removeMembership(userId, workspaceId), suspension.save(), publish({ type: 'member.suspended', userId })]);
//                                                            ^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function signOutAll(userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    await Promise.all([revokeSessions(userId), publish({ type: 'member.signed-out', userId })]);
//  ^^^^^ await-in-loop
  }
}
