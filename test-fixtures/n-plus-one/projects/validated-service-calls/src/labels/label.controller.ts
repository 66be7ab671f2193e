import { Body, Controller, Param, Post } from '@nestjs/common';
import { LabelService, type Label } from './label.service';

interface Board {
  id: string;
  labels: Label[];
}

interface Child {
  name: string;
  parents: string[];
}

@Controller('labels')
export class LabelController {
  constructor(private readonly labels: LabelService) {}

  /** A schema's own validation waits on no other service: each label is still one write. */
  @Post(':boardId')
  async attach(@Param('boardId') boardId: string, @Body() added: Label[]) {
    await Promise.all(added.map((label) => this.labels.attach(boardId, label)));
//                                         ^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  @Post('rename')
  async rename(@Body() renames: Array<{ id: string; input: unknown }>) {
    for (const { id, input } of renames) {
      await this.labels.rename(id, input);
//          ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  /** Every call waits on the design service: the unbounded fan-out is the finding. */
  @Post('publish')
  async publish(@Body() labels: Label[]) {
    await Promise.all(labels.map((label) => this.labels.publish(label)));
//        ^^^^^^^^^^^ unbounded-promise-all
  }

  /** One flat list of calls, one per board and label: the queries are the finding, not the fan-out. */
  @Post('copy')
  async copy(@Body() boards: Board[]) {
    const copies = boards.flatMap((board) => board.labels.map((label) => this.labels.attach(board.id, label)));
//                                                                       ^^^^^^^^^^^^^^^^^^ n-plus-one
    await Promise.all([...copies, this.labels.count()]);
  }

  /** The child varies with the outer item only, yet each pair is a call and a query. */
  @Post('links')
  async links(@Body() children: Child[]) {
    return Promise.all(
      children.flatMap((child) => {
        if (child.parents.length === 0) return [];
        return child.parents.map((parent) => this.labels.linksOf(child.name, parent));
//                                           ^^^^^^^^^^^^^^^^^^^ n-plus-one
      }),
    );
  }

  /** Pairs that only call the design service stay a fan-out. */
  @Post('publish-all')
  async publishAll(@Body() boards: Board[]) {
    await Promise.all(boards.flatMap((board) => board.labels.map((label) => this.labels.publish(label))));
//        ^^^^^^^^^^^ unbounded-promise-all
  }
}
