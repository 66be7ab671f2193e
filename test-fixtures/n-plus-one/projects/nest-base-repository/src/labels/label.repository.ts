// valid
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BaseRepository } from '../common/base.repository';
import { Label } from './label.entity';

@Injectable()
export class LabelRepository extends BaseRepository<Label> {
  constructor(@InjectRepository(Label) repository: Repository<Label>) {
    super(repository);
  }
}
