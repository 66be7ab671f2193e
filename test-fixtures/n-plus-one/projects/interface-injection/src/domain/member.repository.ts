// valid
export interface Member {
  id: string;
  teamId: string;
  email: string;
}

/** What every store of the domain offers. */
export interface Repository<T> {
  findAll(): Promise<T[]>;
}

/** The port the application depends on; one adapter implements it, whatever the port itself extends. */
export interface MemberRepository extends Repository<Member> {
  findById(id: string): Promise<Member | null>;
  rename(id: string, email: string): Promise<void>;
}

export const MEMBER_REPOSITORY = Symbol('MemberRepository');
