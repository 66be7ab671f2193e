const fs = require('fs');
const path = require('path');

// The network layer of a server: the protocols found on disk are loaded once, as it starts to listen.
class Gateway {
  constructor(config) {
    this.config = config;
    this.protocols = new Map();
  }

  async startListening() {
    await this.openSockets();
    await this.loadExtraProtocols();
  }

  async loadExtraProtocols() {
    const folder = path.join(__dirname, 'protocols');
    for (const name of fs.readdirSync(folder)) {
      this.protocols.set(name, require(path.join(folder, name)));
    }
  }

  async openSockets() {}

  async protocolInfo(name) {
    return JSON.parse(fs.readFileSync(path.join(this.config.protocolsDir, name, 'manifest.json'), 'utf8'));
//                    ^^^^^^^^^^^^^^^ sync-io-in-async
  }
}

module.exports = { Gateway };
