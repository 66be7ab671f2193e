// valid
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

export interface Listing {
  exchange: string;
  symbol: string;
}

@Injectable()
export class PriceService {
  constructor(private readonly prisma: PrismaService) {}

  async highest({ exchange, symbol }: Listing) {
    return this.prisma.price.findFirst({ where: { exchange, symbol }, orderBy: { close: 'desc' } });
  }

  async record(listing: Listing, close: number) {
    await this.prisma.price.create({ data: { ...listing, close } });
  }
}
