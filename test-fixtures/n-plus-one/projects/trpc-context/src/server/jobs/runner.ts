// valid
interface Store {
  get(id: string): Promise<string | undefined>;
}

type Handler = (opts: { ctx: { db: Store } }) => Promise<void>;

export const jobs = {
  query(handler: Handler) {
    return handler;
  },
};
