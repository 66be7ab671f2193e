// valid
export interface Member {
  id: string;
  teamId: string;
  email: string;
}

/** The port the application depends on; one adapter implements it. */
export interface MemberRepository {
  findById(id: string): Promise<Member | null>;
  rename(id: string, email: string): Promise<void>;
}

export const MEMBER_REPOSITORY = Symbol('MemberRepository');
