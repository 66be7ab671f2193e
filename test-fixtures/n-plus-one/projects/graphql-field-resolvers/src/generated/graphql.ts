// valid
export type Resolver<Parent, Result> = (parent: Parent, args: Record<string, unknown>, context: unknown) => Result | Promise<Result>;
export interface UserResolvers {
  posts?: Resolver<{ id: string }, unknown[]>;
  drafts?: Resolver<{ id: string }, unknown[]>;
}
export interface UserMutationsResolvers {
  rename?: Resolver<{ id: string }, unknown>;
}
export interface Resolvers {
  User?: UserResolvers;
  UserMutations?: UserMutationsResolvers;
}
