import type { Connection } from 'vscode-languageserver';

/** When open documents are analyzed: as they are typed (the default), or when they are saved. */
export type RunMode = 'onType' | 'onSave';

/** `perfLint.run` per document, read from the client once and kept until the settings change. */
export class RunModes {
  private readonly byUri = new Map<string, Promise<RunMode>>();
  /** The version each open document had when it was opened or last saved: what `onSave` shows. */
  private readonly savedVersions = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly clientHasConfiguration: () => boolean,
  ) {}

  get(uri: string): Promise<RunMode> {
    let mode = this.byUri.get(uri);
    if (!mode) {
      mode = this.read(uri);
      this.byUri.set(uri, mode);
    }
    return mode;
  }

  private async read(uri: string): Promise<RunMode> {
    if (!this.clientHasConfiguration()) return 'onType';
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'perfLint.run' });
      return value === 'onSave' ? 'onSave' : 'onType';
    } catch {
      return 'onType';
    }
  }

  saved(uri: string, version: number): void {
    this.savedVersions.set(uri, version);
  }

  /** Whether the document holds edits that `onSave` does not analyze yet. */
  async holdsBack(uri: string, version: number): Promise<boolean> {
    const saved = this.savedVersions.get(uri);
    return saved !== undefined && saved !== version && (await this.get(uri)) === 'onSave';
  }

  closed(uri: string): void {
    this.byUri.delete(uri);
    this.savedVersions.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}
