import { Body, Controller, Post } from '@nestjs/common';
import { ArrayMaxSize, IsUrl } from 'class-validator';
import type { Request, Response } from 'express';
import { z } from 'zod';

declare const unfurl: { preview(url: string): Promise<{ title: string }> };
declare const router: { post(path: string, handler: (req: Request, res: Response) => Promise<void>): void };
declare const protectedProcedure: {
  input<T>(schema: z.ZodType<T>): { mutation(handler: (opts: { input: T }) => Promise<unknown>): unknown };
};

router.post('/previews', async (req, res) => {
  const previews = await Promise.all(req.body.urls.map((url: string) => unfurl.preview(url)));
  //                     ^^^^^^^^^^^ unbounded-promise-all
  res.json(previews);
});

class ImportLinksDto {
  urls!: string[];
}

class CheckLinksDto {
  @ArrayMaxSize(20)
  @IsUrl({}, { each: true })
  urls!: string[];
}

@Controller('links')
export class LinksController {
  @Post('import')
  async importLinks(@Body() dto: ImportLinksDto) {
    return Promise.all(dto.urls.map((url) => unfurl.preview(url)));
    //     ^^^^^^^^^^^ unbounded-promise-all
  }

  @Post('check')
  async checkLinks(@Body() dto: CheckLinksDto) {
    return Promise.all(dto.urls.map((url) => unfurl.preview(url)));
  }
}

export const previewMany = protectedProcedure.input(z.object({ urls: z.array(z.string()) })).mutation(async ({ input }) => {
  return Promise.all(input.urls.map((url) => unfurl.preview(url)));
  //     ^^^^^^^^^^^ unbounded-promise-all
});

const previewFewInput = z.object({ urls: z.array(z.string().url()).max(10) });

export const previewFew = protectedProcedure.input(previewFewInput).mutation(async ({ input }) => {
  return Promise.all(input.urls.map((url) => unfurl.preview(url)));
});

export async function previewAll(urls: string[]) {
  return Promise.all(urls.map((url) => unfurl.preview(url)));
}
