// valid
export interface Member {
  id: string;
  vaultId: string;
  userId: string;
}

export interface MemberRepository {
  findOne(vaultId: string, userId: string): Promise<Member | null>;
  remove(member: Member): Promise<void>;
}
