// valid
import type { Repository } from 'typeorm';
import type { TokenStore } from './token-store';

interface TokenRow {
  id: string;
  ownerId: string;
  touchedAt: Date;
}

export class SqlTokenStore implements TokenStore {
  constructor(private readonly tokens: Repository<TokenRow>) {}

  async revoke(tokenId: string, ownerId: string): Promise<void> {
    await this.tokens.delete({ id: tokenId, ownerId });
  }

  async touch(tokenId: string): Promise<void> {
    await this.tokens.update({ id: tokenId }, { touchedAt: new Date() });
  }
}
