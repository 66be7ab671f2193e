import type { TokenStore } from './token-store';

export class RevokeOwnerTokens {
  constructor(private readonly tokenStore: TokenStore) {}

  async execute(ownerId: string, tokenIds: string[]): Promise<void> {
    for (const tokenId of tokenIds) {
      await this.tokenStore.revoke(tokenId, ownerId);
//          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async touchAll(tokenIds: string[]): Promise<void> {
    await Promise.all(tokenIds.map((tokenId) => this.tokenStore.touch(tokenId)));
//                                              ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
