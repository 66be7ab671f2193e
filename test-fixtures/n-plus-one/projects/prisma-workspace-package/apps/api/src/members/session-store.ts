// valid
const sessions = new Map<string, { reason?: string }>();

export const db = {
  sessions: {
    async delete(id: string, options: { reason: string }) {
      sessions.set(id, { reason: options.reason });
      return sessions.delete(id);
    },
  },
};
