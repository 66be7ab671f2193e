// valid
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
class Slider {
  @PrimaryGeneratedColumn()
  public id: number;

  @Column()
  public enabled: boolean;

  @Column()
  public order: number;
}

export default Slider;
