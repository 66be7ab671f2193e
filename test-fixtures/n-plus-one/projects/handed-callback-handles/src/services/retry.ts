// valid
/** Runs `work` again once when the database reports it busy. */
export async function withBusyRetry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && error.message.includes('SQLITE_BUSY')) return work();
    throw error;
  }
}
