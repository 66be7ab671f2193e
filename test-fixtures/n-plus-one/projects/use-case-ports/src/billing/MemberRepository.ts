// valid
export interface Seat {
  id: string;
  planId: string;
}

/** Another module's port of the same name, with other methods. */
export interface MemberRepository {
  seatsOf(planId: string): Promise<Seat[]>;
}
