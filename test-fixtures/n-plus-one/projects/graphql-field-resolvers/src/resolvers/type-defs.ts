// valid
export const typeDefs = /* GraphQL */ `
  type Query { posts: [Post!]!, post(id: ID!): Post, users: [User!]! }
  type Mutation { publish(id: ID!): Post }
  type Post { id: ID!, title: String!, author: User!, comments: [Comment!]!, likes: Int!, viewer: User, headline: String! }
  type User { id: ID!, posts: [Post!]! }
  type Comment { id: ID!, body: String! }
`;
