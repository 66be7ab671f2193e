// valid
const driver = process.env.DB_DRIVER ?? 'sqlite';

export const selectDriver = <T extends Record<string, () => unknown>>(makers: T) => makers[driver]!() as ReturnType<T['sqlite']>;
