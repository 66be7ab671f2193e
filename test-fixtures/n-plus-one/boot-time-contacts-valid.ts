// valid: a module's top-level call runs once, as the application starts; so does its loop of queries.
import mongoose from 'mongoose';

const Contact = mongoose.model('Contact', new mongoose.Schema({ email: String, workspaceId: String }));
const PendingImport = mongoose.model('PendingImport', new mongoose.Schema({ email: String, workspaceId: String }));

async function importPendingContacts(): Promise<void> {
  const pending = await PendingImport.find();
  for (const row of pending) {
    const known = await Contact.findOne({ email: row.email, workspaceId: row.workspaceId });
    if (!known) await Contact.create({ email: row.email, workspaceId: row.workspaceId });
  }
}

void importPendingContacts();
