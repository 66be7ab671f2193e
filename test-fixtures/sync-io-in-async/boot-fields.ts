import fs from 'node:fs';

// Made once by the server's entry (`await Licensing.getInstance()`); only `features` serves requests.
export class Licensing {
  private static instance?: Licensing;
  private claims: Record<string, unknown> = {};

  static async getInstance(): Promise<Licensing> {
    if (!Licensing.instance) {
      Licensing.instance = new Licensing();
      await Licensing.instance.initialize();
    }
    return Licensing.instance;
  }

  async initialize(): Promise<void> {
    await this.verifyLicense();
  }

  private verifyLicense = async (): Promise<void> => {
    const key = process.env.LICENSE_FILE ? fs.readFileSync(process.env.LICENSE_FILE, 'utf8') : '';
    this.claims = this.decode(fs.readFileSync(`${key.trim()}.claims`, 'utf8'));
  };

  // Also called by a request that uploads a new license: it runs while others wait.
  private refreshClaims = async (name: string): Promise<void> => {
    this.claims = this.decode(fs.readFileSync(`licenses/${name}.claims`, 'utf8'));
//                            ^^^^^^^^^^^^^^^ sync-io-in-async
  };

  async upload(name: string): Promise<void> {
    await this.refreshClaims(name);
  }

  features(): string[] {
    return Object.keys(this.claims);
  }

  private decode(text: string): Record<string, unknown> {
    return JSON.parse(text);
  }
}
