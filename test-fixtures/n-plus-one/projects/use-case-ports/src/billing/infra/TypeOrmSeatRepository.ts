// valid
import type { Repository } from 'typeorm';
import type { MemberRepository, Seat } from '../MemberRepository';

export class TypeOrmSeatRepository implements MemberRepository {
  constructor(private readonly seats: Repository<Seat>) {}

  async seatsOf(planId: string): Promise<Seat[]> {
    return this.seats.findBy({ planId });
  }
}
