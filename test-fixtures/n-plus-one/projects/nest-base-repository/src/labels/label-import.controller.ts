import { Body, Controller, Delete, Post } from '@nestjs/common';
import { Label } from './label.entity';
import { LabelService } from './label.service';

@Controller('labels')
export class LabelImportController {
  constructor(private readonly labels: LabelService) {}

  @Post('import')
  async importNames(@Body() names: string[]) {
    const created: Label[] = [];
    for (const name of names) {
      created.push(await this.labels.create({ name }));
//                       ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return created;
  }

  @Post('ensure')
  async ensure(@Body() names: string[]) {
    return Promise.all(names.map((name) => this.labels.findOneOrCreate({ where: { name } }, { name })));
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  @Delete()
  async remove(@Body() names: string[]) {
    let removed = 0;
    for (const name of names) {
      if (await this.labels.deleteOne({ where: { name } })) removed++;
//              ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    return removed;
  }

  @Post('announce')
  async announce(@Body() labels: Label[]) {
    for (const label of labels) {
      await this.labels.announce(label);
//    ^^^^^ await-in-loop
    }
  }
}
