// valid
import type Queries from '../tenants/queries';

export const createRoleLibrary = (queries: Queries) => {
  const {
    roles: { findRoleById },
  } = queries;

  const assertRoleExists = async (id: string) => {
    const role = await findRoleById(id);
    if (!role) throw new Error(`No role ${id}`);
    return role;
  };

  return { assertRoleExists };
};
