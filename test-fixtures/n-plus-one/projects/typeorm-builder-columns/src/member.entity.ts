// valid
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('members')
export class Member {
  @PrimaryColumn()
  uuid!: string;

  @Column({ name: 'team_uuid' })
  teamUuid!: string;

  @Column({ name: 'is_owner' })
  isOwner!: boolean;

  @Column()
  score!: number;
}
