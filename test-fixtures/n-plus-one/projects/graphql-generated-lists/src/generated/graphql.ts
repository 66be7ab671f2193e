// valid
export type Maybe<T> = T | null;
export type Scalars = { ID: { input: string; output: string }; Int: { input: number; output: number }; String: { input: string; output: string } };

export type Query = {
  __typename?: 'Query';
  projects: ProjectCollection;
  seats: Seats;
};

export type ProjectCollection = {
  __typename?: 'ProjectCollection';
  items: Array<Project>;
  totalCount: Scalars['Int']['output'];
};

export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
  owner: User;
  models: ModelConnection;
};

export type ProjectModelsArgs = {
  cursor?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type ModelConnection = {
  __typename?: 'ModelConnection';
  edges: Array<ModelEdge>;
};

export type ModelEdge = {
  __typename?: 'ModelEdge';
  cursor: Scalars['String']['output'];
  node: Model;
};

export type Model = {
  __typename?: 'Model';
  id: Scalars['ID']['output'];
  author?: Maybe<User>;
};

export type Seats = {
  __typename?: 'Seats';
  used: Scalars['Int']['output'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
};

export type InputMaybe<T> = Maybe<T>;

export type Resolver<Parent, Args = Record<string, unknown>> = (parent: Parent, args: Args) => unknown;

export interface Resolvers {
  Project?: { owner?: Resolver<{ id: string; ownerId: string }>; models?: Resolver<{ id: string }, ProjectModelsArgs> };
  Model?: { author?: Resolver<{ id: string; authorId: string }> };
  Seats?: { used?: Resolver<{ workspaceId: string }> };
}
