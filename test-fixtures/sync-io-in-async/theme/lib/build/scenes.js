// valid
// A library folder's build step (run by the build command or the asset watcher) serves no request.
const fs = require('fs-extra');
const path = require('node:path');

module.exports = (self) => ({
  async writeScene(scene, bundleDir) {
    const sources = scene.entries.map((entry) => fs.readFileSync(path.join(self.sourceDir, entry), 'utf8'));
    await fs.outputFile(path.join(bundleDir, `${scene.name}.js`), sources.join('\n'));
  },
  async copyModuleSources(modules, targetDir) {
    for (const name of modules) {
      const source = path.join(self.modulesDir, name, 'ui');
      if (fs.existsSync(source)) await fs.copy(source, path.join(targetDir, name));
    }
  },
});
