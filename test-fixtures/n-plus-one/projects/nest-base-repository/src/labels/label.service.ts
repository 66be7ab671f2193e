// valid
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { BaseService } from '../common/base.service';
import { Label } from './label.entity';
import { LabelRepository } from './label.repository';

@Injectable()
export class LabelService extends BaseService<Label> {
  constructor(
    repository: LabelRepository,
    private readonly events: EventEmitter2,
  ) {
    super(repository);
  }

  async announce(label: Label): Promise<void> {
    await this.events.emitAsync('label:announced', label);
  }
}
