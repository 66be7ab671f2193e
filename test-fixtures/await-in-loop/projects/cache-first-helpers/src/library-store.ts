// valid
// What the server knows of each library: an index it keeps in memory once a library was loaded, read before the database.
import { prisma } from './db';

interface NamedRow {
  id: string;
  name: string;
}

interface SeriesTable {
  findOne(options: { where: Record<string, string> }): Promise<NamedRow | null>;
}

interface LibraryIndex {
  authors: NamedRow[];
  series: NamedRow[];
}

export class LibraryStore {
  private readonly indexes: Record<string, LibraryIndex> = {};

  constructor(
    private readonly shelves: Record<string, NamedRow[]>,
    private readonly tables: { series: SeriesTable },
  ) {}

  async load(libraryId: string): Promise<void> {
    const [authors, series] = await Promise.all([
      prisma.author.findMany({ where: { libraryId } }),
      prisma.series.findMany({ where: { libraryId } }),
    ]);
    this.indexes[libraryId] = { authors, series };
  }

  /** The id of a library's author by name, from the library's index once it is loaded. */
  async authorIdByName(libraryId: string, name: string): Promise<string | null> {
    if (!this.indexes[libraryId]) {
      return (await prisma.author.findFirst({ where: { libraryId, name } }))?.id ?? null;
    }
    return this.indexes[libraryId].authors.find((author) => author.name === name)?.id ?? null;
  }

  /** The id of a library's series by name, likewise. */
  async seriesIdByName(libraryId: string, name: string): Promise<string | null> {
    if (!this.indexes[libraryId]) {
      return (await this.tables.series.findOne({ where: { libraryId, name } }))?.id ?? null;
    }
    return this.indexes[libraryId].series.find((series) => series.name === name)?.id ?? null;
  }

  /** The id of a shelf by name, from the shelves the store was made with, else from the database. */
  async shelfIdByName(libraryId: string, name: string): Promise<string | null> {
    if (!this.shelves[libraryId]) {
      return (await prisma.shelf.findFirst({ where: { libraryId, name } }))?.id ?? null;
    }
    return this.shelves[libraryId].find((shelf) => shelf.name === name)?.id ?? null;
  }
}

declare const tables: { series: SeriesTable };

export const libraryStore = new LibraryStore({}, tables);
