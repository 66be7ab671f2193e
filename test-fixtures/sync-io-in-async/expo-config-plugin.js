// valid: an Expo config plugin runs in `expo prebuild` on the developer's machine, never on a request: what it blocks, no user waits for.
const { withDangerousMod } = require('@expo/config-plugins');
const fs = require('fs');
const path = require('path');

module.exports = function withCleartextConfig(config) {
  return withDangerousMod(config, [
    'android',
    async (modConfig) => {
      const folder = path.join(modConfig.modRequest.platformProjectRoot, 'app/src/main/res/xml');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'network_security_config.xml'), '<network-security-config />');
      return modConfig;
    },
  ]);
};
