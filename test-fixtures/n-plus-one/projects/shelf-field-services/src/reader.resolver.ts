import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PrismaService } from './prisma.service';
import { CurrentReader } from './current-reader';
import { Reader } from './models';

@Resolver(() => Reader)
export class ReaderResolver {
  constructor(private readonly prisma: PrismaService) {}

  @Query(() => [Reader])
  async readers() {
    return [];
  }

  @ResolveField(() => [String])
  async bookmarks(@Parent() reader: Reader, @CurrentReader() me: Reader) {
    if (me?.id !== reader.id) return [];
    return this.prisma.bookmark.findMany({ where: { readerId: reader.id } });
  }

  @ResolveField(() => [String])
  async drafts(@Parent() reader: Reader, @CurrentReader() me: Reader) {
    if (reader.id !== me.id) {
      throw new Error('Only your own drafts are visible');
    }
    return this.prisma.draft.findMany({ where: { readerId: reader.id } });
  }

  @ResolveField(() => [String])
  async homeShelfBooks(@Parent() reader: Reader, @CurrentReader() me: Reader) {
    if (me.id !== reader.homeShelfId) return [];
    return this.prisma.book.findMany({ where: { shelfId: reader.homeShelfId } });
//         ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  @ResolveField(() => [String])
  async notes(@Parent() reader: Reader, @CurrentReader() me: Reader) {
    const notes = await this.prisma.note.findMany({ where: { readerId: reader.id } });
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (me.id !== reader.id) return [];
    return notes;
  }
}
