// A read of one document, then an update when it exists or a create when it does not, is one upsert per item.
// A read followed by a create alone stays a find-or-create.
import mongoose from 'mongoose';

const Label = mongoose.model('Label', new mongoose.Schema({ name: String, uses: Number }));

export async function countLabels(names: string[]) {
  for (const name of names) {
    const label = await Label.findOne({ name });
//                      ^^^^^^^^^^^^^ n-plus-one
    if (label) await Label.updateOne({ _id: label._id }, { $inc: { uses: 1 } });
    else await Label.create({ name, uses: 1 });
  }
}

export async function ensureLabels(names: string[]) {
  for (const name of names) {
    const label = await Label.findOne({ name });
//                      ^^^^^^^^^^^^^ n-plus-one
    if (!label) await Label.create({ name, uses: 0 });
  }
}
