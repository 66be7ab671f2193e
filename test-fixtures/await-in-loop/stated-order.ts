// A function named for running its items in order, schema statements per table, and a last call told so, stay
// sequential; the same loops in a function of another name, or doing other work, are reported.
type Reader = { name: string; forceFlush(): Promise<void>; shutdown(): Promise<void> };

declare const sequelize: { query(sql: string): Promise<unknown> };
declare const redis: { call(command: string, ...args: string[]): Promise<unknown> };
declare const registry: { collect(name: string): Promise<void> };
declare const archive: { copyTable(table: string): Promise<void> };

export class MetricsPipeline {
  constructor(private readonly readers: Reader[]) {}

  async collectReadersSerially(): Promise<void> {
    for (const reader of this.readers) {
      await registry.collect(reader.name);
    }
  }

  private eachReaderInOrder = async (run: (reader: Reader) => Promise<void>): Promise<void> => {
    const errors: unknown[] = [];
    for (const reader of this.readers) {
      try {
        await run(reader);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  };

  async shutdown(): Promise<void> {
    await this.eachReaderInOrder((reader) => reader.shutdown());
  }

  async collectReaders(): Promise<void> {
    for (const reader of this.readers) {
      await registry.collect(reader.name);
    //^^^^^ await-in-loop
    }
  }
}

export async function dropStaleWorkingTables(tables: Array<{ tablename: string }>, cutoff: string): Promise<void> {
  for (const { tablename } of tables) {
    if (tablename.slice(-14) < cutoff) {
      await sequelize.query(`DROP TABLE IF EXISTS "${tablename}" CASCADE`);
    }
  }
  for (const { tablename } of tables) {
    await sequelize.query(`ALTER TABLE "${tablename}" SET UNLOGGED`);
  }
}

export async function markTablesSeen(tables: Array<{ tablename: string }>): Promise<void> {
  for (const { tablename } of tables) {
    await redis.call('SET', `seen:${tablename}`, '1');
  //^^^^^ await-in-loop
  }
}

export async function archiveWorkingTables(tables: Array<{ tablename: string }>): Promise<void> {
  for (const { tablename } of tables) {
    await archive.copyTable(tablename);
  //^^^^^ await-in-loop
  }
}

type Project = { id: string };
declare function createDevelopmentEnvironment(project: Project): Promise<{ created: boolean }>;
declare const logger: { error(message: string, context: object): void; debug(message: string): void };

export async function provisionEnvironments(projects: Project[]): Promise<string[]> {
  const created: string[] = [];
  let failedProjectId: string | undefined;
  try {
    for (const project of projects) {
      failedProjectId = project.id;
      const result = await createDevelopmentEnvironment(project);
      if (result.created) created.push(project.id);
      failedProjectId = undefined;
    }
  } catch (error) {
    logger.error('environment creation failed', { failedProjectId, created, error });
    throw error;
  }
  return created;
}

export async function provisionEnvironmentsQuietly(projects: Project[]): Promise<number> {
  let lastProjectId: string | undefined;
  let count = 0;
  for (const project of projects) {
    lastProjectId = project.id;
    const result = await createDevelopmentEnvironment(project);
    //             ^^^^^ await-in-loop
    if (result.created) count++;
  }
  logger.error('provisioned', { lastProjectId });
  return count;
}

declare function applyChange(change: { cursor: string; body: string }): Promise<void>;
declare function saveCursor(cursor: string): Promise<void>;

/** Where a failed run resumes from, saved in the `finally` around the loop. */
export async function applyChanges(changes: Array<{ cursor: string; body: string }>): Promise<void> {
  let lastCursor: string | undefined;
  try {
    for (const change of changes) {
      await applyChange(change);
      lastCursor = change.cursor;
    }
  } finally {
    if (lastCursor !== undefined) await saveCursor(lastCursor);
  }
}

/** The same cursor saved only after the loop: nothing says how far a failed run got. */
export async function applyChangesThenSave(changes: Array<{ cursor: string; body: string }>): Promise<void> {
  let lastCursor: string | undefined;
  try {
    for (const change of changes) {
      await applyChange(change);
    //^^^^^ await-in-loop
      lastCursor = change.cursor;
    }
  } finally {
    logger.error('applied', {});
  }
  if (lastCursor !== undefined) await saveCursor(lastCursor);
}

/** A flag the `finally` reads says only that some change got through, not how far the loop got. */
export async function applyAnyChange(changes: Array<{ cursor: string; body: string }>): Promise<void> {
  let applied = false;
  try {
    for (const change of changes) {
      await applyChange(change);
    //^^^^^ await-in-loop
      applied = true;
    }
  } finally {
    if (!applied) logger.error('nothing applied', {});
  }
}

declare function ensureFolder(name: string): Promise<void>;
declare function copyVersion(version: { id: string; folder: string }): Promise<void>;

/** The log line before the loop announces the order; a log line that says only what the loop does is no such word. */
export async function copyVersions(versions: Array<{ id: string; folder: string }>): Promise<void> {
  logger.debug(`Copying ${versions.length} versions serially...`);
  for (const version of versions) {
    await ensureFolder(version.folder);
    await copyVersion(version);
  }
}

export async function copyVersionsQuietly(versions: Array<{ id: string; folder: string }>): Promise<void> {
  logger.debug(`Copying ${versions.length} versions...`);
  for (const version of versions) {
    await ensureFolder(version.folder);
  //^^^^^ await-in-loop
    await copyVersion(version);
  }
}

declare function queueCommission(input: { partnerId: string; amount: number; aggregateAfter: boolean }): Promise<void>;
declare function queueCommissionFor(input: { partnerId: string; amount: number; firstOfPartner: boolean }): Promise<void>;

/** The last call is told so and sums up the others: the calls stay in their order. */
export async function queueCommissions(commissions: Array<{ partnerId: string; amount: number }>): Promise<void> {
  for (const [index, commission] of commissions.entries()) {
    await queueCommission({ ...commission, aggregateAfter: index === commissions.length - 1 });
  }
}

/** A flag about the item itself, not about its place in the list: the calls could overlap. */
export async function queueFirstCommissions(commissions: Array<{ partnerId: string; amount: number; count: number }>): Promise<void> {
  for (const commission of commissions) {
    await queueCommissionFor({ ...commission, firstOfPartner: commission.count === 0 });
//  ^^^^^ await-in-loop
  }
}
