// valid
const { BeanModel } = require('redbean-node/dist/bean-model');
const { R } = require('redbean-node');

class Device extends BeanModel {
  async getLabels() {
    return R.getAll('SELECT label.* FROM device_label JOIN label ON label.id = device_label.label_id WHERE device_label.device_id = ?', [this.id]);
  }

  async toPublicJSON() {
    return { id: this.id, name: this.name, labels: await this.getLabels() };
  }

  static async isMuted(deviceID) {
    const row = await R.getRow('SELECT 1 FROM device_mute WHERE device_id = ? AND ends_at > ?', [deviceID, R.isoDateTime()]);
    return !!row;
  }

  static displayName(device) {
    return `${device.name} (${device.id})`;
  }
}

module.exports = Device;
