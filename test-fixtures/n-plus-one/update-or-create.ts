// An update followed by a create of the same model when it matched nothing is one upsert per item: one finding.
// A create that runs every time, or one on another model, is a write of its own.
import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL!);

class Preference extends Model {}
Preference.init({ userId: DataTypes.STRING, key: DataTypes.STRING, value: DataTypes.STRING }, { sequelize });

class PreferenceLog extends Model {}
PreferenceLog.init({ userId: DataTypes.STRING, key: DataTypes.STRING }, { sequelize });

export async function savePreferences(userId: string, entries: Array<{ key: string; value: string }>) {
  for (const entry of entries) {
    const [updated] = await Preference.update({ value: entry.value }, { where: { userId, key: entry.key } });
//                          ^^^^^^^^^^^^^^^^^ n-plus-one
    if (updated === 0) await Preference.create({ userId, key: entry.key, value: entry.value });
  }
}

export async function resetPreferences(userId: string, keys: string[]) {
  for (const key of keys) {
    await Preference.update({ value: null }, { where: { userId, key } });
//        ^^^^^^^^^^^^^^^^^ n-plus-one
    await PreferenceLog.create({ userId, key });
//        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
