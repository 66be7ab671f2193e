const { R } = require('./db');

async function savePreferences(scope, values) {
  for (const name of Object.keys(values)) {
    let bean = await R.findOne('preference', ' `name` = ? AND scope = ? ', [name, scope]);
//                   ^^^^^^^^^ n-plus-one
    if (!bean) {
      bean = R.dispense('preference');
      bean.name = name;
      bean.scope = scope;
    }
    bean.value = JSON.stringify(values[name]);
    await R.store(bean);
//        ^^^^^^^ n-plus-one
  }
}

async function addAliases(kennelID, hostnames) {
  for (const hostname of hostnames) {
    await R.exec('DELETE FROM kennel_alias WHERE hostname = ?', [hostname]);
//        ^^^^^^ n-plus-one
    const alias = R.dispense('kennel_alias');
    alias.kennel_id = kennelID;
    alias.hostname = hostname;
    await R.store(alias);
//        ^^^^^^^ n-plus-one
  }
}

module.exports = { savePreferences, addAliases };
