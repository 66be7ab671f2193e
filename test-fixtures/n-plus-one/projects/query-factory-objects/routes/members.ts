import type Libraries from '../tenants/libraries';
import type Queries from '../tenants/queries';

export const loadMembers = async (queries: Queries, ids: string[]) => {
  const members = [];
  for (const id of ids) {
    members.push(await queries.users.findUserById(id));
//                     ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return members;
};

export const loadRoles = async (queries: Queries, roleIds: string[]) => Promise.all(roleIds.map(async (id) => queries.roles.findRoleById(id)));
//                                                                                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one

export const revokeRoles = async (queries: Queries, userId: string, roleIds: string[]) => {
  const { deleteRoleGrant } = queries.roles;
  for (const roleId of roleIds) {
    await deleteRoleGrant(roleId, userId);
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
};

export const checkRoles = async (libraries: Libraries, roleIds: string[]) => {
  for (const id of roleIds) {
    await libraries.roles.assertRoleExists(id);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
};

export const loadRows = async (queries: Queries, ids: string[]) => {
  const rows = [];
  for (const id of ids) {
    rows.push(await queries.users.findUserRow(id));
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return rows;
};

export class MemberService {
  constructor(private readonly queries: Queries) {}

  async profiles(ids: string[]) {
    return Promise.all(ids.map(async (id) => this.queries.users.findUserById(id)));
//                                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
