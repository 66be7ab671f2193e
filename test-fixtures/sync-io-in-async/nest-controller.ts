import { Controller, Get, Param, Post, Body } from '@nestjs/common';
import { readFileSync, writeFileSync } from 'node:fs';
import { scryptSync } from 'node:crypto';
import fg from 'fast-glob';

@Controller('documents')
export class DocumentsController {
  private readonly root = '/srv/documents';

  @Get()
  list(): string[] {
    return fg.sync('**/*.md', { cwd: this.root });
//         ^^^^^^^ sync-io-in-async
  }

  @Get(':id')
  show(@Param('id') id: string): string {
    return this.load(id);
//         ^^^^^^^^^ sync-io-in-async
  }

  @Post()
  create(@Body() body: { id: string; text: string; secret: string }) {
    writeFileSync(`${this.root}/${body.id}.md`, body.text);
//  ^^^^^^^^^^^^^ sync-io-in-async
    return { key: scryptSync(body.secret, body.id, 32).toString('base64') };
//                ^^^^^^^^^^ sync-io-in-async
  }

  private load(id: string): string {
    return readFileSync(`${this.root}/${id}.md`, 'utf8');
  }

  /** Not a route: called from a build script, never for a request. */
  reindex(): string[] {
    return fg.sync('**/*.md', { cwd: this.root });
  }
}
