// valid
export interface TokenStore {
  revoke(tokenId: string, ownerId: string): Promise<void>;
  touch(tokenId: string): Promise<void>;
}
